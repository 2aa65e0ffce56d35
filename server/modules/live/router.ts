import type { TrackedEnvelope } from '@trpc/server';
import { AppError } from '../../../shared/errors';
import type { LiveMessage } from '../../../shared/live-events';
import { liveChangesInput } from '../../../shared/schemas/live';
import { authedProcedure, router } from '../../trpc/init';

export const liveRouter = router({
  /**
   * The page's one live stream: every change (detail only where the user may read it) and the server's
   * status, each tracked by its event id; a client that reconnects sends the last id it saw and gets
   * everything after it, in order. The stream itself is written by the process's `LiveHub` (`hub.ts`,
   * routed in `server/http/live-stream.ts`); this declaration gives it its input, its refusals (no
   * session, bad input: answered by tRPC before this body) and the client its type.
   * `.output()` is not declared: tRPC v11 would apply it to the returned iterable, not to each message.
   */
  changes: authedProcedure
    .input(liveChangesInput)
    .subscription((): AsyncIterable<TrackedEnvelope<LiveMessage>> => {
      throw new AppError('NOT_FOUND', 'live.changes is served by LiveHub');
    }),
});
