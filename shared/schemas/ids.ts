import { z } from 'zod';

/** The largest value of PostgreSQL's integer (int4), the type of every id and version column. */
export const MAX_INT4 = 2_147_483_647;

/**
 * A record's id or version as the database stores it: a whole number from 1 to MAX_INT4. Larger
 * numbers are refused here, with the field named, instead of by the database with a 500.
 */
export const positiveId = () => z.number().int().positive().max(MAX_INT4);
