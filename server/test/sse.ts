import type { LiveMessage } from '../../shared/live-events';

/**
 * The messages of a tRPC SSE stream (the superjson `json` part of each data line); a refusal comes as
 * `{ kind: 'refused', code }` (the stream's serialized error). For the tests of the live stream.
 */
export async function* readSse(
  res: Response,
): AsyncGenerator<LiveMessage | { kind: 'refused'; code: string }> {
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        if (data && event === 'serialized-error')
          yield { kind: 'refused', code: JSON.parse(data).json?.data?.code };
        else if (data && !event) {
          const parsed = JSON.parse(data);
          if (parsed?.json) yield parsed.json as LiveMessage;
        }
      }
    }
  } catch {
    return;
  }
}
