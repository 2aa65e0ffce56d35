import { extractText, getDocumentProxy } from 'unpdf';

/** Each page's text, its white space (line breaks of wrapped cells included) folded to single spaces. */
export async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(pdf));
  return text.map((page) => page.replace(/\s+/g, ' ').trim());
}

/** How many times `part` appears in `text`. */
export const occurrences = (text: string, part: string) => text.split(part).length - 1;
