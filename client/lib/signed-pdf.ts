/**
 * What a report's PDF (an administrative document to sign, Decree 30/2020/NĐ-CP) says in its number and
 * signature block; blank fields take the server's defaults (`shared/schemas/signing.ts`).
 */
export interface Signing {
  number: string;
  authority: string;
  signerTitle: string;
  signerName: string;
}

export const SIGNING_FIELDS = ['number', 'authority', 'signerTitle', 'signerName'] as const;
export const NO_SIGNING: Signing = { number: '', authority: '', signerTitle: '', signerName: '' };

/**
 * A PDF's address: the report's own query (what chooses its figures; empty values left out), then the
 * signing details given (blank ones left out).
 */
export function signedPdfHref(
  path: string,
  query: Record<string, string | undefined>,
  signing: Signing = NO_SIGNING,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  for (const key of SIGNING_FIELDS) if (signing[key].trim()) params.set(key, signing[key].trim());
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
