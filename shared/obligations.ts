import { z } from 'zod';
import { AGENCY_LEVELS } from './agencies';

/**
 * Who must submit a report template: every agency of some levels, or a list of agencies. The one rule
 * is `isObliged`; its SQL form is `server/modules/templates/obligation-sql.ts` (tested to agree).
 */
export const obligationSchema = z.union([
  z.object({ levels: z.array(z.enum(AGENCY_LEVELS)).min(1, 'obligationEmpty').max(AGENCY_LEVELS.length) }),
  z.object({
    agencyIds: z.array(z.number().int().positive()).min(1, 'obligationEmpty').max(5000, 'tooLong'),
  }),
]);

export type Obligation = z.output<typeof obligationSchema>;

export function isObliged(obligation: Obligation, agency: { id: number; level: string }): boolean {
  return 'levels' in obligation
    ? (obligation.levels as string[]).includes(agency.level)
    : obligation.agencyIds.includes(agency.id);
}
