import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { BreakDownForm } from './break-down-form';

const task = { id: 7, leadAgencyId: 40, deadline: '2026-12-31' };

function renderForm(send = vi.fn(() => Promise.resolve({ id: 9 }))) {
  renderWithApi(<BreakDownForm task={task} send={send} />);
  return send;
}

describe('BreakDownForm (Giao tiếp cho xã, sở)', () => {
  resetAfterEach();

  it('names the commune and the deadline when they are missing, in Vietnamese, and sends nothing', async () => {
    const send = renderForm();
    expect(screen.getByText(/thời hạn không sau 31\/12\/2026/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Tên phần việc/), { target: { value: 'Rà soát thủ tục' } });
    fireEvent.click(screen.getByRole('button', { name: 'Giao phần việc' }));
    await screen.findByRole('alert', { name: 'Có lỗi cần sửa' });
    expect(screen.getByLabelText(/^Thời hạn/).getAttribute('aria-invalid')).toBe('true');
    expect(send).not.toHaveBeenCalled();
  });

  it('without a deadline on the task, only the lead unit is asked for', async () => {
    const send = vi.fn(() => Promise.resolve({ id: 9 }));
    renderWithApi(<BreakDownForm task={{ ...task, deadline: null }} send={send} />);
    fireEvent.change(screen.getByLabelText(/Tên phần việc/), { target: { value: 'Rà soát thủ tục' } });
    fireEvent.click(screen.getByRole('button', { name: 'Giao phần việc' }));
    const summary = await screen.findByRole('alert', { name: 'Có lỗi cần sửa' });
    expect(summary.textContent).toContain('Đơn vị chủ trì (xã hoặc sở)');
    expect(summary.textContent).not.toContain('Thời hạn');
    expect(send).not.toHaveBeenCalled();
  });
});
