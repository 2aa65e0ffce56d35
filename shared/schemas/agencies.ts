import { z } from 'zod';
import { AGENCY_KINDS, AGENCY_LEVELS } from '../agencies';
import { positiveId } from './ids';

export const PAGE_SIZE_MAX = 100;

export const agencyListInput = z.object({
  q: z.string().trim().max(100).optional(),
  level: z.enum(AGENCY_LEVELS).optional(),
  /** Only the direct children of this agency; `null` for the top of the tree. */
  parentId: positiveId().nullable().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
});
export type AgencyListInput = z.input<typeof agencyListInput>;

export const createAgencyInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, 'invalidCode'),
  nameVi: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  nameEn: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  kind: z.enum(AGENCY_KINDS),
  parentId: positiveId().nullable().default(null),
});
export type CreateAgencyInput = z.input<typeof createAgencyInput>;
/** What a procedure hands its service: parsed once, by the procedure. */
export type CreateAgency = z.output<typeof createAgencyInput>;

export const renameAgencyInput = z.object({
  id: positiveId(),
  nameVi: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  nameEn: z.string().trim().min(1, 'required').max(200, 'tooLong'),
});
export type RenameAgencyInput = z.input<typeof renameAgencyInput>;
/** What a procedure hands its service: parsed once, by the procedure. */
export type RenameAgency = z.output<typeof renameAgencyInput>;

export const agencyListOutput = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      kind: z.enum(AGENCY_KINDS),
      level: z.enum(AGENCY_LEVELS),
      parentId: z.number().nullable(),
      parentNameVi: z.string().nullable(),
      parentNameEn: z.string().nullable(),
      childCount: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const agencyCountsOutput = z.array(z.object({ level: z.enum(AGENCY_LEVELS), n: z.number() }));

export const agencyIdOutput = z.object({ id: z.number() });
