/** Vietnamese alphabetical order for anything sorted in the browser (server lists use the stored sort key). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

export function compareVietnamese(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return vietnameseCollator.compare(String(a ?? ''), String(b ?? ''));
}
