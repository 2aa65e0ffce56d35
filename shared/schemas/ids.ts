import { z } from 'zod';
import { MAX_INT4 } from '../api-limits';

/**
 * A record's id or version as the database stores it: a whole number from 1 to MAX_INT4. Larger
 * numbers are refused here, with the field named, instead of by the database with a 500.
 */
export const positiveId = () => z.number().int().positive().max(MAX_INT4);
