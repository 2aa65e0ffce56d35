import { z } from 'zod';
import { calendarDate } from './dates';

/**
 * The signing details every printable report takes as a PDF to sign (`GET /export/*.pdf`): the issuing
 * office and its abbreviation, the number (blank until the clerical office registers the signed
 * document), place and date of issue, and the signature block. Defaults: the Government Office, today,
 * Hà Nội. Each report's query extends it with what chooses its figures.
 */
export const signingQuery = z.object({
  office: z.string().trim().min(1).max(120).default('Văn phòng Chính phủ'),
  officeCode: z
    .string()
    .trim()
    .regex(/^[\p{Lu}\d-]{1,20}$/u, 'invalidCode')
    .default('VPCP'),
  number: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, 'invalidNumber')
    .optional(),
  date: calendarDate().optional(),
  place: z.string().trim().min(1).max(60).default('Hà Nội'),
  authority: z.string().trim().max(120).optional(),
  signerTitle: z.string().trim().min(1).max(120).default('Bộ trưởng, Chủ nhiệm'),
  signerName: z.string().trim().max(80).default(''),
});
export type SigningQuery = z.infer<typeof signingQuery>;
