import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../test/render';
import { ExcelUpload } from './excel-upload';

const xlsx = () =>
  new File(['PK'], 'bao-cao.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function upload(onUploaded: (body: unknown) => void, by: 'cell' | 'row' = 'cell') {
  renderTranslated(
    <ExcelUpload
      url="/api/reports/form?templateId=1"
      label="Biểu mẫu đã điền"
      onUploaded={onUploaded}
      by={by}
    />,
  );
  fireEvent.change(screen.getByLabelText('Biểu mẫu đã điền'), { target: { files: [xlsx()] } });
  fireEvent.click(screen.getByRole('button', { name: /^(Tải lên|Upload)$/ }));
}

describe('ExcelUpload', () => {
  resetAfterEach();
  afterEach(() => vi.unstubAllGlobals());

  it('lists a refused form cell by cell in Vietnamese, with a rule’s own words, and reports no upload', async () => {
    const fetch = answer(400, {
      error: 'VALIDATION',
      reason: 'cells',
      cells: [
        { cell: 'C7', row: 7, column: 'C', code: 'notAnInteger' },
        { cell: 'C9', row: 9, column: 'C', code: 'belowMin', min: 0 },
        {
          cell: 'C8',
          row: 8,
          column: 'C',
          code: 'rule',
          messageVi: 'Số hoàn thành không được lớn hơn số được giao.',
          messageEn: 'x',
        },
      ],
    });
    const onUploaded = vi.fn();
    await upload(onUploaded);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('chưa có gì được lưu');
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'C7: phải là số nguyên',
      'C9: không được nhỏ hơn 0',
      'C8: Số hoàn thành không được lớn hơn số được giao.',
    ]);
    expect(onUploaded).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledWith(
      '/api/reports/form?templateId=1',
      expect.objectContaining({ method: 'POST' }),
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });

  it('words a whole-file refusal and a sheet of rows in English', async () => {
    await i18n.changeLanguage('en');
    answer(413, { error: 'VALIDATION', reason: 'fileTooLarge', maxBytes: 5 * 1024 * 1024 });
    await upload(vi.fn());
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The file is larger than 5 MB and cannot be taken.',
    );
  });

  it('locates a sheet’s problems by row and column', async () => {
    answer(400, {
      error: 'VALIDATION',
      reason: 'cells',
      cells: [{ cell: 'C5', row: 5, column: 'C', code: 'agencyNotFound', value: 'Bộ Tài chánh' }],
    });
    await upload(vi.fn(), 'row');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Dòng 5, cột C: không tìm thấy cơ quan “Bộ Tài chánh”',
    );
  });

  it('hands the saved answer on and shows no problem', async () => {
    answer(200, { id: 12, version: 3, revision: 1, issues: [] });
    const onUploaded = vi.fn();
    await upload(onUploaded);
    await waitFor(() =>
      expect(onUploaded).toHaveBeenCalledWith({ id: 12, version: 3, revision: 1, issues: [] }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
