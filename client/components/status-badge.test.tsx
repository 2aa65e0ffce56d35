import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { TASK_STATUSES, type TaskStatus } from '../../shared/task-status';
import { i18n } from '../lib/i18n/i18n';
import { StatusBadge } from './status-badge';

function renderBadge(status: TaskStatus, flags: { dueSoon?: boolean; stale?: boolean } = {}) {
  return render(
    <I18nextProvider i18n={i18n}>
      <StatusBadge status={status} {...flags} />
    </I18nextProvider>,
  );
}

const VI: Record<TaskStatus, string> = {
  completed_on_time: 'Hoàn thành đúng hạn',
  completed_late: 'Hoàn thành quá hạn',
  in_progress: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn',
  no_deadline: 'Không có thời hạn',
  withdrawn: 'Đã thu hồi',
};

const EN: Record<TaskStatus, string> = {
  completed_on_time: 'Completed on time',
  completed_late: 'Completed late',
  in_progress: 'In progress, within deadline',
  overdue: 'Overdue',
  no_deadline: 'No deadline',
  withdrawn: 'Withdrawn',
};

describe('StatusBadge', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  it.each(TASK_STATUSES)('says %s in words, in Vietnamese', (status) => {
    const { container } = renderBadge(status);
    expect(container.textContent).toBe(VI[status]);
    expect(container.querySelector(`.status-badge--${status}`)).not.toBeNull();
  });

  it.each(TASK_STATUSES)('says %s in words, in English', async (status) => {
    await i18n.changeLanguage('en');
    const { container } = renderBadge(status);
    expect(container.textContent).toBe(EN[status]);
  });

  it('adds the due-soon and stale flags as words too', () => {
    renderBadge('in_progress', { dueSoon: true, stale: true });
    expect(screen.getByText('Đang thực hiện trong hạn')).toBeTruthy();
    expect(screen.getByText('Sắp đến hạn').className).toContain('status-badge--dueSoon');
    expect(screen.getByText('Chưa cập nhật quá 30 ngày')).toBeTruthy();
  });

  it('colours overdue red and completed green through their classes', () => {
    renderBadge('overdue');
    expect(screen.getByText('Quá hạn').className).toContain('status-badge--overdue');
    cleanup();
    renderBadge('completed_on_time');
    expect(screen.getByText('Hoàn thành đúng hạn').className).toContain('status-badge--completed_on_time');
  });
});
