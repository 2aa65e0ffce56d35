import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { pageParam } from './page-param';

/**
 * A list's filters kept in the URL (`?q=&page=` and any others): a new filter goes back to the first
 * page; typing a search replaces the history entry instead of adding one per keystroke.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const setParam = useCallback(
    (name: string, value: string | undefined) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (value) updated.set(name, value);
          else updated.delete(name);
          updated.delete('page');
          return updated;
        },
        { replace: name === 'q' },
      ),
    [setParams],
  );
  const onSearch = useCallback((next: string) => setParam('q', next), [setParam]);
  const onPageChange = useCallback(
    (next: number) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set('page', String(next));
        return updated;
      }),
    [setParams],
  );
  return {
    params,
    q: (params.get('q') ?? '').trim(),
    page: pageParam(params.get('page')),
    setParam,
    onSearch,
    onPageChange,
  };
}
