import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RouterOutputs } from '../../../lib/trpc';
import { renderWithApi, resetAfterEach } from '../../../test/render';
import { TaskParts } from './task-parts';

type Detail = RouterOutputs['tasks']['get'];

const part = (id: number, status: 'overdue' | 'in_progress' | 'completed_on_time', percent: number) => ({
  id,
  title: `Phần việc ${id}`,
  leadAgencyId: 100 + id,
  leadNameVi: `Xã ${id}`,
  leadNameEn: `Commune ${id}`,
  deadline: '2026-12-01',
  latestPercent: percent,
  status,
});

describe('TaskParts', () => {
  resetAfterEach();

  it("shows the parts' roll-up with its numbers, and each part with its own progress and a link", () => {
    const detail = {
      parts: {
        rollup: { total: 3, done: 1, late: 0, open: 1, overdue: 1, withdrawn: 0 },
        items: [part(1, 'completed_on_time', 100), part(2, 'overdue', 10), part(3, 'in_progress', 40)],
      },
    } as unknown as Detail;
    renderWithApi(
      <MemoryRouter>
        <TaskParts detail={detail} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { name: 'Phần việc đã giao tiếp cho xã, sở' })).toBeTruthy();
    const figure = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect([figure('Đã hoàn thành'), figure('Quá hạn'), figure('Đang thực hiện trong hạn')]).toEqual([
      '1',
      '1',
      '1',
    ]);
    expect(screen.getByRole('link', { name: 'Phần việc 2' }).getAttribute('href')).toBe('/tasks/2');
    expect(screen.getByRole('row', { name: /Phần việc 2/ }).className).toBe('row--overdue');
  });

  it('says nothing for a task without parts', () => {
    const detail = {
      parts: { rollup: { total: 0, done: 0, late: 0, open: 0, overdue: 0, withdrawn: 0 }, items: [] },
    } as unknown as Detail;
    const { container } = renderWithApi(<TaskParts detail={detail} />);
    expect(container.textContent).toBe('');
  });
});
