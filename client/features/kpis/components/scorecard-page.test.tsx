import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderTranslated, resetAfterEach } from '../../../test/render';
import type { ScorecardItem } from '../api/kpi-queries';
import { ScorecardTable } from './scorecard-page';

resetAfterEach();

const item: ScorecardItem = {
  code: 'DV-01',
  pillar: 'services',
  nameVi: 'Dịch vụ công trực tuyến toàn trình',
  nameEn: 'Full online public services',
  unit: 'percent',
  agencyValue: 92,
  agencyPeriodKey: '2026-Q3',
  agencyLevel: null,
  nationalValue: 61,
  targets: [{ year: 2027, value: 80 }],
  agencyStatus: 'on_track',
  agencyStatusReason: { vi: '', en: '' },
  nationalStatus: 'off_track',
};

/** The cell of a row under a column, by the column's header text. */
function cellUnder(header: string): HTMLElement {
  const headers = screen.getAllByRole('columnheader').map((h) => h.textContent ?? '');
  const index = headers.findIndex((text) => text.startsWith(header));
  const row = screen.getAllByRole('row')[1];
  if (!row || index < 0) throw new Error(`no column ${header}`);
  const cell = row.querySelectorAll<HTMLElement>('th, td')[index];
  if (!cell) throw new Error(`no cell under ${header}`);
  return cell;
}

describe('the scorecard table', () => {
  it("shows the national status under 'national' and the agency's own beside it", () => {
    renderTranslated(
      <MemoryRouter>
        <ScorecardTable agencyId={5} items={[item]} />
      </MemoryRouter>,
    );
    expect(cellUnder('Trạng thái toàn quốc').textContent).toContain('Chậm so với lộ trình');
    expect(cellUnder('Trạng thái của cơ quan').textContent).toContain('Đúng lộ trình');
  });
});
