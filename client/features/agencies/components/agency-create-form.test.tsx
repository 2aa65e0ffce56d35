import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { AgencyCreateForm } from './agency-create-form';

function renderForm() {
  const send = vi.fn(() => Promise.resolve({}));
  renderWithApi(<AgencyCreateForm send={send} />);
  return send;
}

const kind = () => screen.getByLabelText(/Loại đơn vị/);
const parentPicker = () => screen.queryByRole('combobox', { name: /Tỉnh, thành phố trực thuộc/ });

describe('AgencyCreateForm', () => {
  resetAfterEach();

  it('hides the parent province picker for a ministry and shows it for a ward', () => {
    renderForm();
    expect(screen.getByRole('option', { name: 'Bộ' })).toBeTruthy();
    fireEvent.change(kind(), { target: { value: 'ministry' } });
    expect(parentPicker()).toBeNull();
    fireEvent.change(kind(), { target: { value: 'ward' } });
    expect(parentPicker()).toBeTruthy();
  });

  it('sends a ministry without a parent, code in capitals', async () => {
    const send = renderForm();
    fireEvent.change(screen.getByLabelText(/Mã đơn vị/), { target: { value: 'bkhcn-2' } });
    fireEvent.change(screen.getByLabelText(/Tên tiếng Việt/), { target: { value: 'Bộ Thử nghiệm' } });
    fireEvent.change(screen.getByLabelText(/Tên tiếng Anh/), { target: { value: 'Ministry of Testing' } });
    fireEvent.change(kind(), { target: { value: 'ministry' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đơn vị' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith({
      code: 'BKHCN-2',
      nameVi: 'Bộ Thử nghiệm',
      nameEn: 'Ministry of Testing',
      kind: 'ministry',
      parentId: null,
    });
    await screen.findByText('Đã thêm Bộ Thử nghiệm.');
  });

  it('asks for the province of a commune and for a valid code', () => {
    const send = renderForm();
    fireEvent.change(screen.getByLabelText(/Mã đơn vị/), { target: { value: 'x' } });
    fireEvent.change(kind(), { target: { value: 'commune' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đơn vị' }));
    expect(screen.getByText(/Mã đơn vị phải có 2–30 ký tự/, { selector: '.form__error' })).toBeTruthy();
    expect(
      screen.getByText('Vui lòng chọn tỉnh, thành phố trực thuộc.', { selector: '.form__error' }),
    ).toBeTruthy();
    expect(parentPicker()?.getAttribute('aria-invalid')).toBe('true');
    expect(send).not.toHaveBeenCalled();
  });
});
