import { describe, expect, it, vi } from 'vitest';
import { retryImport } from './retry-import';

describe('retryImport', () => {
  it('loads again after a failed fetch, and returns the module once it arrives', async () => {
    const load = vi
      .fn<() => Promise<{ ok: true }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue({ ok: true });
    await expect(retryImport(load, [1, 1, 1])).resolves.toEqual({ ok: true });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('gives up with the last error when every attempt fails', async () => {
    const load = vi.fn<() => Promise<never>>().mockRejectedValue(new TypeError('offline'));
    await expect(retryImport(load, [1, 1])).rejects.toThrow('offline');
    expect(load).toHaveBeenCalledTimes(3);
  });
});
