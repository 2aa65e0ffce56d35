import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateRules, type ValidationRule } from '../../../../shared/validation-rules';
import { i18n } from '../../../lib/i18n/i18n';
import { templateField } from '../report-form-fixtures';
import { DecisionForm } from './decision-form';
import { SubmissionReview } from './submission-review';

const FIELDS = [
  templateField('dv_01_num', {
    labelVi: 'Tử số DV-01',
    kpiCode: 'DV-01',
    kpiRole: 'numerator',
    required: true,
    min: 0,
  }),
  templateField('dv_01_den', {
    labelVi: 'Mẫu số DV-01',
    kpiCode: 'DV-01',
    kpiRole: 'denominator',
    required: true,
    min: 0,
  }),
];
const JUMP: ValidationRule = {
  code: 'dv_01_change',
  kind: 'deviation',
  severity: 'warning',
  field: 'dv_01_num',
  maxChangePercent: 50,
  messageVi: 'Tử số DV-01 thay đổi hơn 50 % so với kỳ trước.',
  messageEn: 'DV-01 numerator changed by more than 50%.',
};

describe('what reviewers see before they decide', () => {
  afterEach(cleanup);

  it('the rate of each KPI beside the agency’s previous periods, and each warning with its explanation', () => {
    const values = { dv_01_num: 45, dv_01_den: 100 };
    const previousPeriods = [
      { periodKey: '2026-Q3', values: { dv_01_num: 20, dv_01_den: 80 } },
      { periodKey: '2026-Q2', values: { dv_01_num: 10, dv_01_den: 80 } },
    ];
    const issues = evaluateRules(FIELDS, [JUMP], values, { previousValues: previousPeriods[0]?.values });
    render(
      <I18nextProvider i18n={i18n}>
        <SubmissionReview
          fields={FIELDS}
          values={values}
          explanations={{ dv_01_change: 'Sáp nhập hai sở.' }}
          issues={issues}
          systemValues={{}}
          previousPeriods={previousPeriods}
        />
      </I18nextProvider>,
    );
    const rates = screen.getByRole('table', { name: 'Tỷ lệ theo KPI (tử số / mẫu số)' });
    const row = within(rates).getByRole('row', { name: /DV-01/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['45', '100', '45,0 %', '25,0 %', '12,5 %']);
    expect(screen.getByText(/Tử số DV-01 thay đổi hơn 50 % so với kỳ trước\. \(kỳ trước: 20\)/)).toBeTruthy();
    expect(screen.getByText('Sáp nhập hai sở.')).toBeTruthy();
  });

  it('offers no acceptance while a check fails; returning stays open', () => {
    const decide = vi.fn(() => Promise.resolve());
    render(
      <I18nextProvider i18n={i18n}>
        <DecisionForm
          mode="office"
          decide={decide}
          acceptBlocked="Không thể chấp nhận khi số liệu còn lỗi."
        />
      </I18nextProvider>,
    );
    const accept = screen.getByRole('button', { name: 'Chấp nhận' }) as HTMLButtonElement;
    expect(accept.disabled).toBe(true);
    expect(accept.getAttribute('aria-describedby')).toBe(
      screen.getByText('Không thể chấp nhận khi số liệu còn lỗi.').id,
    );
    expect((screen.getByRole('button', { name: 'Trả lại' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
