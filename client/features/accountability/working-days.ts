import { numberLanguage, parseNumberInput } from '../../../shared/number-input';
import { requestExplanationInput } from '../../../shared/schemas/accountability';

export type WorkingDaysReading =
  | { ok: true; value: number }
  | { ok: false; reason: 'required' | 'workingDays' };

/**
 * The working days to answer, as typed ("5"), read the reader's way (shared/number-input.ts) and judged
 * by the shared schema (a whole number from 1 to 30). What is wrong is a message key: `required` for an
 * empty box, `workingDays` for anything else ("abc", "2,5", "0", "31").
 */
export function readWorkingDays(text: string, language: string): WorkingDaysReading {
  const read = parseNumberInput(text, numberLanguage(language));
  if (read.ok && read.value === null) return { ok: false, reason: 'required' };
  const judged = requestExplanationInput.shape.workingDays.safeParse(read.ok ? read.value : Number.NaN);
  return judged.success ? { ok: true, value: judged.data } : { ok: false, reason: 'workingDays' };
}
