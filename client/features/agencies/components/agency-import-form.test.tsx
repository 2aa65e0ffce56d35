import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AgencyImportReport } from '../../../../shared/schemas/agencies';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { AgencyImportForm } from './agency-import-form';

const CSV = 'code,name_vi,name_en,kind,replaces\nTM-AB,Tỉnh Mẫu AB,Sample AB,province,TM-A;TM-B\n';
const PLAN: AgencyImportReport = {
  applied: false,
  problems: [],
  added: [{ code: 'TM-AB', nameVi: 'Tỉnh Mẫu AB' }],
  renamed: [],
  moved: [],
  expired: [
    { code: 'TM-A', nameVi: 'Tỉnh Mẫu A', validTo: '2025-06-30' },
    { code: 'TM-B', nameVi: 'Tỉnh Mẫu B', validTo: '2025-06-30' },
  ],
  changes: [{ kind: 'merge', effectiveOn: '2025-07-01', from: ['TM-A', 'TM-B'], to: ['TM-AB'] }],
  unchanged: 0,
};

function renderForm(preview: AgencyImportReport) {
  const send = {
    preview: vi.fn(() => Promise.resolve(preview)),
    apply: vi.fn(() => Promise.resolve({ ...preview, applied: true })),
  };
  renderWithApi(<AgencyImportForm preview={send.preview} apply={send.apply} />);
  fireEvent.change(screen.getByLabelText('Tệp danh sách đơn vị'), {
    target: { files: [new File([CSV], 'don-vi.csv', { type: 'text/csv' })] },
  });
  fireEvent.change(screen.getByLabelText(/Ngày có hiệu lực/), { target: { value: '2025-07-01' } });
  return send;
}

const applyButton = () => screen.getByRole('button', { name: 'Áp dụng' }) as HTMLButtonElement;

describe('AgencyImportForm', () => {
  resetAfterEach();

  it('previews first, says what the list changes, then applies the same list', async () => {
    const send = renderForm(PLAN);
    expect(applyButton().disabled).toBe(true);
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Xem trước' }) as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    await screen.findByText(/Xem trước don-vi.csv \(chưa ghi gì\): thêm 1, .* hết hiệu lực 2, 1 sự kiện/);
    expect(send.preview).toHaveBeenCalledWith({ csv: CSV, effectiveOn: '2025-07-01' });
    expect(screen.getByText('Sáp nhập từ 01/07/2025: TM-A, TM-B → TM-AB')).toBeTruthy();
    expect(screen.getByText('Hết hiệu lực TM-A — Tỉnh Mẫu A (ngày cuối 30/06/2025)')).toBeTruthy();
    fireEvent.click(applyButton());
    await screen.findByText(/Đã áp dụng don-vi.csv/);
    expect(send.apply).toHaveBeenCalledWith({ csv: CSV, effectiveOn: '2025-07-01' });
    expect(applyButton().disabled).toBe(true);
  });

  it('shows each problem of a bad list in words, with its line, and cannot apply it', async () => {
    renderForm({
      ...PLAN,
      added: [],
      expired: [],
      changes: [],
      problems: [{ line: 3, field: 'parent_code', reason: 'unknownParent' }],
    });
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Xem trước' }) as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    await screen.findByText(
      'Dòng 3, cột “parent_code”: Không tìm thấy tỉnh, thành phố có mã này (đang còn hiệu lực).',
    );
    expect(screen.getByRole('alert').textContent).toContain('không có thay đổi nào được ghi');
    expect(applyButton().disabled).toBe(true);
  });
});
