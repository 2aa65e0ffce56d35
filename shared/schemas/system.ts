import { z } from 'zod';

export const healthOutput = z.object({ database: z.enum(['up', 'down']), at: z.date() });
