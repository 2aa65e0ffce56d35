import { useCallback, useRef } from 'react';

/**
 * One key per submission: the same key on every retry of that submission (so a request that reached
 * the server but lost its answer is not recorded twice), a fresh one once it has succeeded.
 */
export function useIdempotencyKey() {
  const key = useRef<string | null>(null);
  const current = useCallback(() => {
    key.current ??= crypto.randomUUID();
    return key.current;
  }, []);
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { current, renew };
}
