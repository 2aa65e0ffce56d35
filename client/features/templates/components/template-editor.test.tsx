import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { emptyDraft, emptyField, type TemplateDraft } from '../template-draft';
import { TemplateEditor, type TemplateUsage } from './template-editor';

const KPIS = [
  { code: 'DV-01', nameVi: 'Dịch vụ công trực tuyến toàn trình', nameEn: 'Full online public services' },
];

function draft(): TemplateDraft {
  return {
    ...emptyDraft(),
    code: 'BC-THU',
    nameVi: 'Báo cáo thử',
    nameEn: 'Trial report',
    firstPeriod: '2026-Q3',
    fields: [
      { ...emptyField(), code: 'so_luong', labelVi: 'Số lượng', labelEn: 'Count' },
      { ...emptyField(), code: 'ty_le', labelVi: 'Tỷ lệ', labelEn: 'Share', type: 'percent' },
    ],
  };
}

function renderEditor(options: { usage?: TemplateUsage; mode?: 'create' | 'update' } = {}) {
  const send = vi.fn(() => Promise.resolve({ version: 1, created: true, code: 'BC-THU' }));
  render(
    <I18nextProvider i18n={i18n}>
      <TemplateEditor
        mode={options.mode ?? 'create'}
        initial={draft()}
        kpis={KPIS}
        usage={options.usage}
        send={send}
      />
    </I18nextProvider>,
  );
  return send;
}

const indicator = (n: number) => screen.getByRole('group', { name: `Chỉ tiêu ${n}` });
const submit = (name: RegExp) => fireEvent.click(screen.getByRole('button', { name }));

describe('TemplateEditor field editor', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  it('names the first period typed as a key, so a slip shows before saving', () => {
    renderEditor();
    const first = screen.getByLabelText(/^Áp dụng từ kỳ/);
    const hint = () => document.getElementById(first.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(hint()).toContain('Kỳ đã nhập: Quý III/2026.');
    fireEvent.change(first, { target: { value: '2026-M07' } });
    expect(hint()).toContain('Kỳ đã nhập: Tháng 07/2026.');
    fireEvent.change(first, { target: { value: '2026-07' } });
    expect(hint()).not.toContain('Kỳ đã nhập');
  });

  it('refuses a duplicate indicator code, naming the indicator, and sends nothing', async () => {
    const send = renderEditor();
    fireEvent.change(within(indicator(2)).getByLabelText(/Mã chỉ tiêu/), { target: { value: 'so_luong' } });
    submit(/Tạo chế độ báo cáo/);
    expect(
      await screen.findByText('Mã chỉ tiêu (Chỉ tiêu 2) trùng với một chỉ tiêu khác.', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(
      within(indicator(2))
        .getByLabelText(/Mã chỉ tiêu/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a minimum above the maximum and a code that is not snake_case', async () => {
    const send = renderEditor();
    fireEvent.change(within(indicator(1)).getByLabelText(/Giá trị nhỏ nhất/), { target: { value: '10' } });
    fireEvent.change(within(indicator(1)).getByLabelText(/Giá trị lớn nhất/), { target: { value: '5' } });
    fireEvent.change(within(indicator(2)).getByLabelText(/Mã chỉ tiêu/), { target: { value: 'Tỷ lệ' } });
    submit(/Tạo chế độ báo cáo/);
    expect(
      await screen.findByText('Giá trị lớn nhất (Chỉ tiêu 1) phải lớn hơn hoặc bằng giá trị nhỏ nhất.', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(
      screen.getByText(/Mã chỉ tiêu \(Chỉ tiêu 2\): chỉ dùng chữ thường không dấu/, {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('asks for the denominator of a KPI numerator, then sends the pair', async () => {
    const send = renderEditor();
    const first = within(indicator(1));
    fireEvent.change(first.getByLabelText('Chỉ tiêu Chương trình (KPI)'), { target: { value: 'DV-01' } });
    fireEvent.change(first.getByLabelText('Vai trò trong KPI'), { target: { value: 'numerator' } });
    submit(/Tạo chế độ báo cáo/);
    expect(
      await screen.findByText(
        'Vai trò trong KPI (Chỉ tiêu 1): KPI này có tử số nhưng chưa có chỉ tiêu mẫu số.',
        { selector: '.form__error' },
      ),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();

    const second = within(indicator(2));
    fireEvent.change(second.getByLabelText(/^Kiểu dữ liệu/), { target: { value: 'integer' } });
    fireEvent.change(second.getByLabelText('Chỉ tiêu Chương trình (KPI)'), { target: { value: 'DV-01' } });
    fireEvent.change(second.getByLabelText('Vai trò trong KPI'), { target: { value: 'denominator' } });
    submit(/Tạo chế độ báo cáo/);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]).toMatchObject([
      {
        code: 'BC-THU',
        fields: [
          { code: 'so_luong', kpiCode: 'DV-01', kpiRole: 'numerator' },
          { code: 'ty_le', kpiCode: 'DV-01', kpiRole: 'denominator' },
        ],
      },
    ]);
  });

  it('adds, moves and removes indicators, keeping the form order', async () => {
    const send = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Chuyển chỉ tiêu 2 lên' }));
    expect((within(indicator(1)).getByLabelText(/Mã chỉ tiêu/) as HTMLInputElement).value).toBe('ty_le');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm chỉ tiêu' }));
    const third = within(indicator(3));
    fireEvent.change(third.getByLabelText(/Mã chỉ tiêu/), { target: { value: 'ghi_chu' } });
    fireEvent.change(third.getByLabelText(/Nhãn tiếng Việt/), { target: { value: 'Ghi chú' } });
    fireEvent.change(third.getByLabelText(/Nhãn tiếng Anh/), { target: { value: 'Notes' } });
    fireEvent.change(third.getByLabelText(/^Kiểu dữ liệu/), { target: { value: 'text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xoá chỉ tiêu 2' }));
    submit(/Tạo chế độ báo cáo/);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]).toMatchObject([
      { fields: [{ code: 'ty_le' }, { code: 'ghi_chu', type: 'text', min: null, max: null }] },
    ]);
  });

  it('says before saving that a template in use gets a new version', () => {
    renderEditor({ mode: 'update', usage: { version: 1, submissions: 12, lastUsedPeriod: '2026-Q2' } });
    expect(screen.getByRole('note').textContent).toContain('tạo phiên bản 2');
    expect(screen.getByRole('button', { name: 'Lưu thành phiên bản 2' })).toBeTruthy();
  });

  it('sends the rules with the version: a comparison, a deviation (always a warning), numbers read the reader’s way', async () => {
    const send = renderEditor();
    const first = within(indicator(1));
    fireEvent.change(first.getByLabelText(/Giá trị lớn nhất/), { target: { value: '1.000' } });
    fireEvent.change(first.getByLabelText('Lấy số liệu từ hệ thống'), {
      target: { value: 'tasks.assigned' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Thêm quy tắc kiểm tra' }));
    const compare = within(screen.getByRole('group', { name: 'Quy tắc 1' }));
    fireEvent.change(compare.getByLabelText(/Mã quy tắc/), { target: { value: 'ty_le_nho' } });
    fireEvent.change(compare.getByLabelText(/Chỉ tiêu bên trái/), { target: { value: 'ty_le' } });
    fireEvent.change(compare.getByLabelText(/Phép so sánh/), { target: { value: 'lte' } });
    fireEvent.change(compare.getByLabelText(/Chỉ tiêu bên phải/), { target: { value: 'ty_le' } });
    fireEvent.change(compare.getByLabelText(/Thông báo tiếng Việt/), { target: { value: 'Tỷ lệ quá lớn.' } });
    fireEvent.change(compare.getByLabelText(/Thông báo tiếng Anh/), {
      target: { value: 'Share too large.' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Thêm quy tắc kiểm tra' }));
    const jump = within(screen.getByRole('group', { name: 'Quy tắc 2' }));
    fireEvent.change(jump.getByLabelText(/Mã quy tắc/), { target: { value: 'so_luong_nhay' } });
    fireEvent.change(jump.getByLabelText(/Loại quy tắc/), { target: { value: 'deviation' } });
    const severity = jump.getByLabelText(/Mức độ/) as HTMLSelectElement;
    expect(severity.value).toBe('warning');
    expect(severity.disabled).toBe(true);
    fireEvent.change(jump.getByLabelText(/Chỉ tiêu theo dõi/), { target: { value: 'so_luong' } });
    fireEvent.change(jump.getByLabelText(/Mức thay đổi tối đa/), { target: { value: '12,5' } });
    fireEvent.change(jump.getByLabelText(/Thông báo tiếng Việt/), { target: { value: 'Thay đổi lớn.' } });
    fireEvent.change(jump.getByLabelText(/Thông báo tiếng Anh/), { target: { value: 'Large change.' } });

    // A field compared with itself is refused, naming the rule's input.
    submit(/Tạo chế độ báo cáo/);
    expect(
      await screen.findByText(
        'Chỉ tiêu bên phải (Quy tắc 1): một chỉ tiêu không so sánh hoặc cộng với chính nó.',
        { selector: '.form__error' },
      ),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();

    fireEvent.change(compare.getByLabelText(/Chỉ tiêu bên phải/), { target: { value: 'so_luong' } });
    submit(/Tạo chế độ báo cáo/);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]).toMatchObject([
      {
        fields: [
          { code: 'so_luong', max: 1000, systemSource: 'tasks.assigned' },
          { code: 'ty_le', systemSource: null },
        ],
        validationRules: [
          {
            code: 'ty_le_nho',
            kind: 'compare',
            severity: 'error',
            left: 'ty_le',
            op: 'lte',
            right: 'so_luong',
          },
          {
            code: 'so_luong_nhay',
            kind: 'deviation',
            severity: 'warning',
            field: 'so_luong',
            maxChangePercent: 12.5,
          },
        ],
      },
    ]);
  });

  it('asks for a rule’s messages and its parts, and removes a rule', async () => {
    const send = renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Thêm quy tắc kiểm tra' }));
    const sum = within(screen.getByRole('group', { name: 'Quy tắc 1' }));
    fireEvent.change(sum.getByLabelText(/Mã quy tắc/), { target: { value: 'tong' } });
    fireEvent.change(sum.getByLabelText(/Loại quy tắc/), { target: { value: 'sum' } });
    fireEvent.change(sum.getByLabelText(/Chỉ tiêu tổng/), { target: { value: 'so_luong' } });
    submit(/Tạo chế độ báo cáo/);
    expect(
      await screen.findByText('Vui lòng nhập Thông báo tiếng Việt (Quy tắc 1).', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(
      screen.getByText('Các chỉ tiêu thành phần (Quy tắc 1): chọn ít nhất một chỉ tiêu thành phần.', {
        selector: '.form__error',
      }),
    ).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Xoá quy tắc 1' }));
    submit(/Tạo chế độ báo cáo/);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]).toMatchObject([{ validationRules: [] }]);
  });
});
