import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { KPI_STATUSES } from '../../../../shared/kpi-vocabulary';
import type { KpiPeriodValue } from '../../../../shared/schemas/kpis';
import { i18n, setLanguage } from '../../../lib/i18n/i18n';
import {
  AttainmentList,
  CoverageText,
  KpiStatusBadge,
  ProvisionalNote,
  Sparkline,
  TrendLabel,
} from './kpi-bits';

function renderWithI18n(node: React.ReactNode) {
  return render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

afterEach(async () => {
  cleanup();
  await setLanguage('vi');
});

describe('KPI status badge', () => {
  it.each([
    ['on_track', '✓', 'Đúng lộ trình'],
    ['at_risk', '!', 'Có nguy cơ chậm'],
    ['off_track', '✗', 'Chậm so với lộ trình'],
    ['insufficient_data', '?', 'Chưa đủ dữ liệu'],
  ] as const)('shows %s as a word and a symbol, not colour alone', (status, symbol, word) => {
    const { container } = renderWithI18n(<KpiStatusBadge status={status} />);
    const badge = container.querySelector('.kpi-status');
    expect(badge?.textContent).toBe(`${symbol} ${word}`);
    expect(badge?.className).toContain(`kpi-status--${status}`);
    // The symbol is decoration for screen readers; the word carries the meaning.
    expect(badge?.querySelector('[aria-hidden="true"]')?.textContent).toBe(symbol);
  });

  it('has a distinct word for every status, in both languages', async () => {
    const words = (lang: string) =>
      KPI_STATUSES.map((s) => {
        const { container } = renderWithI18n(<KpiStatusBadge status={s} />);
        const text = container.textContent ?? '';
        cleanup();
        return `${lang}:${text}`;
      });
    const vi = words('vi');
    await setLanguage('en');
    const en = words('en');
    expect(new Set(vi).size).toBe(KPI_STATUSES.length);
    expect(new Set(en).size).toBe(KPI_STATUSES.length);
    expect(en.join()).toContain('Off track');
  });
});

describe('attainment', () => {
  it('lists attainment per target year as a percentage, with a dash when there is no figure', () => {
    renderWithI18n(
      <AttainmentList
        attainment={[
          { year: 2027, ratio: 0.853 },
          { year: 2030, ratio: null },
        ]}
      />,
    );
    expect(screen.getByText('Mức đạt 2027').nextElementSibling?.textContent).toBe('85,3 %');
    expect(screen.getByText('Mức đạt 2030').nextElementSibling?.textContent).toBe('—');
  });

  it('caps the decorative bar at full width but keeps the overshoot in the number', () => {
    const { container } = renderWithI18n(<AttainmentList attainment={[{ year: 2027, ratio: 1.25 }]} />);
    expect(container.textContent).toContain('125,0 %');
    expect((container.querySelector('.kpi-attainment__bar > span') as HTMLElement).style.width).toBe('100%');
  });
});

describe('trend', () => {
  it('says up, down, no change or no previous period in words beside the arrow', () => {
    const { container, rerender } = renderWithI18n(<TrendLabel trend="down" />);
    expect(container.textContent).toBe('▼ Giảm');
    rerender(
      <I18nextProvider i18n={i18n}>
        <TrendLabel trend={null} />
      </I18nextProvider>,
    );
    expect(container.textContent).toBe('Chưa có kỳ trước');
  });
});

describe('sparkline', () => {
  it('gives its values as text to assistive technology', () => {
    renderWithI18n(
      <Sparkline
        unit="percent"
        points={[
          { periodKey: '2026-Q1', value: 40 },
          { periodKey: '2026-Q2', value: null },
          { periodKey: '2026-Q3', value: 55.5 },
        ]}
      />,
    );
    expect(
      screen.getByRole('img', { name: 'Diễn biến theo kỳ: Quý I/2026 40,0 %; Quý III/2026 55,5 %' }),
    ).toBeTruthy();
  });

  it('says so when there are no figures', () => {
    renderWithI18n(<Sparkline unit="percent" points={[{ periodKey: '2026-Q1', value: null }]} />);
    expect(screen.getByRole('img', { name: 'Chưa có số liệu theo kỳ' })).toBeTruthy();
  });
});

describe('coverage of a national value', () => {
  const q3: KpiPeriodValue = {
    periodKey: '2026-Q3',
    periodEnd: '2026-09-14',
    value: 74.4,
    numerator: 744,
    denominator: 1000,
    agencies: 33,
    obliged: 59,
    coverage: (100 * 33) / 59,
    carriedForward: null,
    closesOn: '2026-09-20',
    closed: true,
  };
  const q4: KpiPeriodValue = {
    ...q3,
    periodKey: '2026-Q4',
    periodEnd: '2026-12-14',
    value: 51.2,
    agencies: 1,
    coverage: 100 / 59,
    closesOn: '2026-12-20',
    closed: false,
  };

  it('says N of M obliged agencies and the coverage, in both languages', async () => {
    const { container } = renderWithI18n(<CoverageText value={q3} />);
    expect(container.textContent).toBe('33/59 cơ quan đã báo cáo; độ bao phủ 55,9 %');
    cleanup();
    await setLanguage('en');
    const english = renderWithI18n(<CoverageText value={{ ...q3, carriedForward: 12 }} />);
    expect(english.container.textContent).toBe(
      '33 of 59 agencies reported; coverage 55.9%; 12 agencies counted by earlier periods’ figures',
    );
  });

  it('a system-computed value says only how many agencies it covers', () => {
    const { container } = renderWithI18n(
      <CoverageText value={{ ...q3, obliged: null, coverage: null, closesOn: null }} />,
    );
    expect(container.textContent).toBe('33 cơ quan báo cáo');
  });

  it('shows a provisional period with words that can be found as they read', async () => {
    renderWithI18n(<ProvisionalNote value={q4} unit="percent" />);
    const words = screen.getByText('Tạm tính: 1/59 cơ quan');
    expect(words.closest('.kpi-provisional')?.textContent).toContain(
      'kỳ quý IV/2026: 51,2 % (độ bao phủ 1,7 %). Chưa tính vào giá trị toàn quốc',
    );
    expect(words.closest('.kpi-provisional')?.textContent).toContain('20/12/2026');
    cleanup();
    await setLanguage('en');
    renderWithI18n(<ProvisionalNote value={q4} unit="percent" />);
    expect(screen.getByText('Provisional: 1 of 59 agencies')).toBeTruthy();
  });
});
