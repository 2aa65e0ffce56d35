import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { type CellStage, type CellState, HeatmapCell } from './heatmap-cell';

function renderCell(state: CellState, submissionId: number | null = null, stage: CellStage | null = null) {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <table>
          <tbody>
            <tr>
              <HeatmapCell
                state={state}
                stage={stage}
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
    ['early', '↑', 'Nộp sớm'],
  ] as const)('shows %s as a symbol and a word, not only a colour', (state, symbol, word) => {
    renderCell(state);
    const cell = screen.getByRole('cell');
    expect(cell.textContent).toContain(symbol);
    expect(cell.textContent).toContain(word);
    expect(cell.className).toContain(`heatmap-cell--${state}`);
  });

  it.each([
    ['returned', '↩', 'Bị trả lại', 'nộp đúng hạn'],
    ['awaiting_approval', '⧗', 'Chờ lãnh đạo duyệt', 'nộp đúng hạn'],
    ['awaiting_acceptance', '⧗', 'Chờ VPCP tiếp nhận', 'nộp đúng hạn'],
    ['correcting', '✎', 'Đang sửa lại', 'nộp đúng hạn'],
  ] as const)('a report %s says where it stands, not just “on time”', (stage, symbol, word, detail) => {
    renderCell('on_time', 7, stage);
    const cell = screen.getByRole('cell');
    expect(cell.textContent).toContain(symbol);
    expect(cell.textContent).toContain(word);
    expect(cell.textContent).toContain(detail);
    expect(cell.textContent).not.toContain('✓');
    expect(cell.className).toContain(`heatmap-cell--${stage}`);
    expect(cell.className).not.toContain('heatmap-cell--on_time');
    expect(screen.getByRole('link').getAttribute('aria-label')).toContain(`${word} (${detail})`);
  });

  it('an accepted report reads as its timeliness alone', () => {
    renderCell('late', 7, 'accepted');
    const cell = screen.getByRole('cell');
    expect(cell.textContent).toBe('! Muộn');
    expect(cell.className).toContain('heatmap-cell--late');
  });

  it('a draft for a period not yet submitted says it is being drafted, second', () => {
    renderCell('missing', 7, 'drafting');
    expect(screen.getByRole('cell').textContent).toContain('Chưa nộp');
    expect(screen.getByRole('cell').textContent).toContain('đang soạn');
  });

  it('links to the submission when there is one, named for screen readers', () => {
    renderCell('late', 42);
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('/reports/submissions/42');
    expect(link.getAttribute('aria-label')).toContain('UBND TP Hà Nội, kỳ tháng 03/2026: Muộn');
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    renderCell('missing');
    expect(screen.getByRole('cell').textContent).toContain('Not submitted');
    cleanup();
    renderCell('late', 3, 'awaiting_acceptance');
    expect(screen.getByRole('cell').textContent).toContain('Awaiting acceptance');
    expect(screen.getByRole('cell').textContent).toContain('sent late');
  });
});

describe('HeatmapCell of a report the user may act on', () => {
  afterEach(() => cleanup());

  it('opens its reminders and explanations with a button naming the agency and the period', () => {
    let opened = 0;
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <table>
            <tbody>
              <tr>
                <HeatmapCell
                  state="missing"
                  stage={null}
                  submissionId={null}
                  agencyName="UBND TP Hà Nội"
                  periodKey="2026-M03"
                  onOpen={() => opened++}
                />
              </tr>
            </tbody>
          </table>
        </MemoryRouter>
      </I18nextProvider>,
    );
    screen
      .getByRole('button', {
        name: /^Đôn đốc và giải trình về báo cáo của UBND TP Hà Nội, kỳ tháng 03\/2026$/,
      })
      .click();
    expect(opened).toBe(1);
  });
});
