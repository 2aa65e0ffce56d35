import { describe, expect, it } from 'vitest';
import { complianceExportUrl } from './compliance-page';

// The page offers the server's file (server/http/exports.ts), the only compliance export.
describe('the compliance download', () => {
  it('asks the server for the chosen template and level in the reader’s language', () => {
    expect(complianceExportUrl(3, 'provincial', 'vi')).toBe(
      '/export/compliance.csv?templateId=3&level=provincial&lang=vi',
    );
    expect(complianceExportUrl(3, '', 'en')).toBe('/export/compliance.csv?templateId=3&lang=en');
  });
});
