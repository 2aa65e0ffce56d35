import { z } from 'zod';

export const auditEntityInput = z.object({
  entityType: z.string().trim().min(1).max(50),
  entityId: z.number().int().positive(),
});
