import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../lib/trpc';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import { UserBadge } from './user-badge';

resetAfterEach();

const user = (role: CurrentUser['role'], agencyNameVi: string, agencyNameEn: string) =>
  ({ fullName: 'Nguyễn Thị Thu Hà', role, agencyNameVi, agencyNameEn }) as CurrentUser;

const badge = (u: CurrentUser) =>
  renderTranslated(
    <MemoryRouter>
      <UserBadge user={u} />
    </MemoryRouter>,
  );

describe('the header’s user line', () => {
  it('says the role and the agency', () => {
    badge(user('officer', 'Bộ Tài chính', 'Ministry of Finance'));
    expect(screen.getByTestId('current-role').textContent).toBe('Chuyên viên');
    expect(screen.getByTestId('current-agency').textContent).toBe('Bộ Tài chính');
  });

  it('says the Office once: its role is its agency’s name', () => {
    const { container } = badge(user('office', 'Văn phòng Chính phủ', 'Government Office'));
    expect(container.textContent?.match(/Văn phòng Chính phủ/g)).toHaveLength(1);
    expect(screen.queryByTestId('current-agency')).toBeNull();
  });
});
