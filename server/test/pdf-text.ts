import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';

/** Each page's text, its white space (line breaks of wrapped cells included) folded to single spaces. */
export async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(pdf));
  return text.map((page) => page.replace(/\s+/g, ' ').trim());
}

/** How many times `part` appears in `text`. */
export const occurrences = (text: string, part: string) => text.split(part).length - 1;

/**
 * The opening of a report to sign (Decree 30/2020) on its first page: the national motto, the issuing
 * office, the number (`number` as a pattern when it is left blank for the clerical office), the place
 * and date, and the title.
 */
export function expectLetterHead(
  pages: readonly string[],
  head: { number: string | RegExp; placeAndDate: string; title: string },
) {
  const first = pages[0] ?? '';
  expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(first).toContain('VĂN PHÒNG CHÍNH PHỦ');
  if (typeof head.number === 'string') expect(first).toContain(head.number);
  else expect(first).toMatch(head.number);
  expect(first).toContain(head.placeAndDate);
  expect(first).toContain(head.title);
}

/** The close of a report to sign: the recipients, each on its own dash, and the signature block's lines. */
export function expectLetterEnd(
  pages: readonly string[],
  end: { recipients: readonly string[]; signature: readonly string[] },
) {
  const all = pages.join(' ');
  expect(all).toContain('Nơi nhận:');
  for (const line of end.recipients) expect(all).toContain(`- ${line}`);
  for (const line of end.signature) expect(all).toContain(line);
}
