import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { type CellState, HeatmapCell } from './heatmap-cell';

function renderCell(state: CellState, submissionId: number | null = null) {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <table>
          <tbody>
            <tr>
              <HeatmapCell
                state={state}
                submissionId={submissionId}
                agencyName="UBND TP Hà Nội"
                periodKey="2026-M03"
              />
            </tr>
          </tbody>
        </table>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('HeatmapCell', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });

  it.each([
    ['on_time', '✓', 'Đúng hạn'],
    ['late', '!', 'Muộn'],
    ['missing', '✗', 'Chưa nộp'],
    ['pending', '…', 'Chưa đến hạn'],
  ] as const)('shows %s as a symbol and a word, not only a colour', (state, symbol, word) => {
    renderCell(state);
    const cell = screen.getByRole('cell');
    expect(cell.textContent).toContain(symbol);
    expect(cell.textContent).toContain(word);
    expect(cell.className).toContain(`heatmap-cell--${state}`);
  });

  it('links to the submission when there is one, named for screen readers', () => {
    renderCell('late', 42);
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('/reports/submissions/42');
    expect(link.getAttribute('aria-label')).toContain('UBND TP Hà Nội, kỳ 2026-M03: Muộn');
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    renderCell('missing');
    expect(screen.getByRole('cell').textContent).toContain('Not submitted');
  });
});
