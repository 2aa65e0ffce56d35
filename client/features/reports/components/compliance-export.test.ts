import { describe, expect, it } from 'vitest';
import { complianceExportUrl, compliancePdfUrl } from './compliance-page';

// The page offers the server's file (server/http/exports.ts), the only compliance export.
describe('the compliance download', () => {
  it('asks the server for the chosen template and level in the reader’s language', () => {
    expect(complianceExportUrl(3, 'provincial', 'vi')).toBe(
      '/export/compliance.csv?templateId=3&level=provincial&lang=vi',
    );
    expect(complianceExportUrl(3, '', 'en')).toBe('/export/compliance.csv?templateId=3&lang=en');
  });

  it('asks for the same figures as a PDF to sign, with the signing details given', () => {
    expect(compliancePdfUrl(3, 'provincial')).toBe('/export/compliance.pdf?templateId=3&level=provincial');
    expect(
      compliancePdfUrl(3, '', {
        number: ' 12 ',
        authority: '',
        signerTitle: '',
        signerName: 'Nguyễn Văn An',
      }),
    ).toBe('/export/compliance.pdf?templateId=3&number=12&signerName=Nguy%E1%BB%85n+V%C4%83n+An');
  });
});
