import { z } from 'zod';
import { AGENCY_CHANGE_KINDS, AGENCY_KINDS, AGENCY_LEVELS } from '../agencies';
import { calendarDate } from './dates';
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
      /** Today's commune-level units under it. */
      childCount: z.number(),
      /** Today's departments (sở, ban, ngành) under it: a provincial unit's. */
      departmentCount: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const agencyCountsOutput = z.array(z.object({ level: z.enum(AGENCY_LEVELS), n: z.number() }));

export const agencyIdOutput = z.object({ id: z.number() });

/** The columns of a unit list (CSV, header first): the import's file format (docs/decisions/0028). */
export const UNIT_CSV_COLUMNS = [
  'code',
  'name_vi',
  'name_en',
  'kind',
  'parent_code',
  'valid_from',
  'valid_to',
  'replaces',
] as const;
/** Columns a file may leave out (empty for every row). */
export const UNIT_CSV_OPTIONAL = ['parent_code', 'valid_from', 'valid_to', 'replaces'] as const;

/** Why a line of a unit list is refused: the client (and the error's message) says it in words. */
export const UNIT_CSV_PROBLEMS = [
  'empty',
  'missingColumn',
  'badQuotes',
  'columnCount',
  'invalidCode',
  'duplicateCode',
  'required',
  'tooLong',
  'unknownKind',
  'invalidDate',
  'endsBeforeStart',
  'parentRequired',
  'noParentAllowed',
  'unknownParent',
  'parentNotProvincial',
  'unknownPredecessor',
  'replacesItself',
  'levelChange',
] as const;
export type UnitCsvProblem = (typeof UNIT_CSV_PROBLEMS)[number];

export const agencyImportInput = z.object({
  /** The unit list, UTF-8 text (a BOM is ignored); within the request body limit (1 MB). */
  csv: z.string().max(900_000, 'tooLong'),
  /** The day the changes take effect when a line gives no valid_from (predecessors end the day before). */
  effectiveOn: calendarDate(),
});
export type AgencyImportInput = z.output<typeof agencyImportInput>;

const unitRef = z.object({ code: z.string(), nameVi: z.string() });
export const agencyImportReport = z.object({
  /** false: a preview, nothing written. */
  applied: z.boolean(),
  problems: z.array(z.object({ line: z.number(), field: z.string(), reason: z.enum(UNIT_CSV_PROBLEMS) })),
  added: z.array(unitRef),
  renamed: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
  moved: z.array(
    z.object({ code: z.string(), fromParent: z.string().nullable(), toParent: z.string().nullable() }),
  ),
  expired: z.array(unitRef.extend({ validTo: z.string() })),
  changes: z.array(
    z.object({
      kind: z.enum(AGENCY_CHANGE_KINDS),
      effectiveOn: z.string(),
      from: z.array(z.string()),
      to: z.array(z.string()),
    }),
  ),
  unchanged: z.number(),
});
export type AgencyImportReport = z.infer<typeof agencyImportReport>;
