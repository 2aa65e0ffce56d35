/**
 * What the user typed in a dd/MM/yyyy field, as the YYYY-MM-DD the schemas expect. Anything that is not
 * a real calendar date comes back unchanged, so the shared schema refuses it with its own message.
 */
export function parseDisplayDate(text: string): string {
  const value = text.trim();
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return value;
  const [, d, m, y] = match;
  const iso = `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : value;
}
