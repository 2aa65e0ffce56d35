import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ExplanationView } from '../../../../shared/schemas/accountability';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { ExplanationCard } from './explanation-card';
import { NotificationItem } from './notification-item';

/** 2026-12-01 09:30 in Vietnam (UTC+7). */
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 11, day, hour - 7, 30));

const REQUEST: ExplanationView = {
  id: 4,
  version: 1,
  state: 'awaiting_answer',
  round: 1,
  automatic: false,
  reason: 'Quá hạn 20 ngày, chưa cập nhật tiến độ.',
  requestedBy: 'Nguyễn Văn An',
  requestedAt: at(1),
  dueDate: '2026-12-08',
  late: false,
  cause: null,
  remedy: null,
  committedDate: null,
  answered: null,
  leader: null,
  leaderComment: null,
  decided: null,
  decisionComment: null,
  allowedSteps: [],
};

const card = (request: Partial<ExplanationView>) =>
  renderTranslated(<ExplanationCard request={{ ...REQUEST, ...request }} headingId="e-4" />);

describe('an explanation request as the task page shows it', () => {
  resetAfterEach();

  it('says its state in words, who asked and when, its due date, and that it is late', () => {
    card({ late: true });
    expect(screen.getByRole('heading', { name: 'Yêu cầu giải trình ngày 01/12/2026' })).toBeTruthy();
    expect(screen.getByText('Chờ cơ quan giải trình')).toBeTruthy();
    expect(screen.getByText('Lý do yêu cầu: Quá hạn 20 ngày, chưa cập nhật tiến độ.')).toBeTruthy();
    expect(screen.getByText('Người yêu cầu: Nguyễn Văn An, lúc 01/12/2026 09:30')).toBeTruthy();
    expect(screen.getByText(/^Hạn giải trình: 08\/12\/2026/).textContent).toBe(
      'Hạn giải trình: 08/12/2026Quá hạn giải trình',
    );
    expect(screen.queryByText(/^Lần/)).toBeNull();
  });

  it('shows the round from the second, and no late marker when answered in time', () => {
    card({ round: 2, state: 'awaiting_leader' });
    expect(screen.getByText('Lần 2')).toBeTruthy();
    expect(screen.getByText('Chờ lãnh đạo cơ quan duyệt')).toBeTruthy();
    expect(screen.queryByText('Quá hạn giải trình')).toBeNull();
  });

  it('shows the answer, then the leader’s and the Office’s decisions with their comments, in order', () => {
    card({
      state: 'accepted',
      cause: 'Chờ thẩm định.',
      remedy: 'Họp liên ngành.',
      committedDate: '2027-03-31',
      answered: { name: 'Trần Thị Bình', at: at(3) },
      leader: { name: 'Lê Văn Cường', at: at(4) },
      leaderComment: 'Đồng ý.',
      decided: { name: 'Nguyễn Văn An', at: at(5) },
      decisionComment: 'Theo dõi sát.',
    });
    expect(screen.getByText('Đã chấp nhận')).toBeTruthy();
    const lines = [...document.querySelectorAll('.explanation__answer p, .explanation__step p')].map(
      (p) => p.textContent,
    );
    expect(lines).toEqual([
      'Nguyên nhân: Chờ thẩm định.',
      'Giải pháp khắc phục: Họp liên ngành.',
      'Cam kết hoàn thành: 31/03/2027',
      'Người giải trình: Trần Thị Bình, lúc 03/12/2026 09:30',
      'Lãnh đạo cơ quan duyệt: Lê Văn Cường, lúc 04/12/2026 09:30',
      'Ý kiến: Đồng ý.',
      'Văn phòng Chính phủ chấp nhận: Nguyễn Văn An, lúc 05/12/2026 09:30',
      'Ý kiến: Theo dõi sát.',
    ]);
  });

  it('tells a send-back from an approval, and an Office request to explain again from an acceptance', () => {
    card({
      state: 'awaiting_answer',
      round: 2,
      leader: { name: 'Lê Văn Cường', at: at(2) },
      leaderComment: 'Bổ sung số liệu.',
      decided: { name: 'Nguyễn Văn An', at: at(6) },
      decisionComment: 'Chưa rõ lộ trình.',
    });
    expect(
      screen.getByText('Lãnh đạo cơ quan trả lại giải trình: Lê Văn Cường, lúc 02/12/2026 09:30'),
    ).toBeTruthy();
    expect(
      screen.getByText('Văn phòng Chính phủ yêu cầu giải trình lại: Nguyễn Văn An, lúc 06/12/2026 09:30'),
    ).toBeTruthy();
    expect(screen.getByText('Cơ quan chủ trì chưa gửi giải trình.')).toBeTruthy();
  });
});

describe('a notification in the list', () => {
  resetAfterEach();
  const ITEM = {
    id: 12,
    kind: 'explanation.requested',
    taskId: 31,
    params: { title: 'Số hoá hồ sơ', dueDate: '2026-12-08' },
    createdAt: at(1),
    readAt: null,
  };

  it('leads to its task, says "unread" in words, and is marked read when opened', () => {
    const onOpen = vi.fn();
    renderTranslated(
      <MemoryRouter>
        <NotificationItem item={ITEM} onOpen={onOpen} />
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', {
      name: 'Văn phòng Chính phủ yêu cầu giải trình về nhiệm vụ “Số hoá hồ sơ”, hạn giải trình 08/12/2026.',
    });
    expect(link.getAttribute('href')).toBe('/tasks/31');
    expect(screen.getByText('Chưa đọc')).toBeTruthy();
    fireEvent.click(link);
    expect(onOpen).toHaveBeenCalledWith(12);
  });

  it('once read, is no longer marked and opening it marks nothing', () => {
    const onOpen = vi.fn();
    renderTranslated(
      <MemoryRouter>
        <NotificationItem item={{ ...ITEM, readAt: at(2) }} onOpen={onOpen} />
      </MemoryRouter>,
    );
    expect(screen.queryByText('Chưa đọc')).toBeNull();
    fireEvent.click(screen.getByRole('link'));
    expect(onOpen).not.toHaveBeenCalled();
  });
});
