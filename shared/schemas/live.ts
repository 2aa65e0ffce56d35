import { z } from 'zod';

/** `live.changes`: the last event id the client saw (it resumes after it), as tRPC's SSE link sends it. */
export const liveChangesInput = z.object({ lastEventId: z.string().regex(/^\d+$/).nullish() }).optional();
