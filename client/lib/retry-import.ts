const DELAYS_MS = [500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000];

/**
 * A lazily loaded part of the app (a page, the charts), fetched again when the network or the server
 * blinked while it loaded — a server restarting, a proxy answering 502 — instead of crashing the page.
 * Tries for about a minute, then lets the error reach the error boundary (which offers a reload).
 */
export async function retryImport<T>(
  load: () => Promise<T>,
  delays: readonly number[] = DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
