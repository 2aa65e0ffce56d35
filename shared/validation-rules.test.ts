import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TemplateField } from './report-values';
import {
  blockingIssues,
  COMPARE_OPERATORS,
  compareHolds,
  contextNeeded,
  derivedRules,
  evaluateRules,
  explanationsFor,
  SYSTEM_SOURCES,
  systemFigure,
  type ValidationRule,
} from './validation-rules';

const field = (patch: Partial<TemplateField>): TemplateField => ({
  code: 'x',
  labelVi: 'x',
  labelEn: 'x',
  unit: null,
  type: 'integer',
  required: true,
  min: 0,
  max: null,
  kpiCode: null,
  kpiRole: null,
  systemSource: null,
  ...patch,
});

const FIELDS = [
  field({ code: 'dv_01_num', labelVi: 'Tử số DV-01', kpiCode: 'DV-01', kpiRole: 'numerator' }),
  field({ code: 'dv_01_den', labelVi: 'Mẫu số DV-01', kpiCode: 'DV-01', kpiRole: 'denominator' }),
  field({ code: 'budget_total', type: 'decimal' }),
  field({ code: 'budget_central', type: 'decimal' }),
  field({ code: 'budget_local', type: 'decimal' }),
  field({
    code: 'tasks_assigned',
    labelVi: 'Số nhiệm vụ được giao',
    labelEn: 'Tasks assigned',
    systemSource: 'tasks.assigned',
  }),
  field({ code: 'notes', type: 'text', required: false, min: null }),
];

const base = { severity: 'error' as const, messageVi: 'Sai', messageEn: 'Wrong' };
const SUM: ValidationRule = {
  ...base,
  code: 'budget_sum',
  kind: 'sum',
  total: 'budget_total',
  parts: ['budget_central', 'budget_local'],
};
const DEVIATION: ValidationRule = {
  ...base,
  severity: 'warning',
  code: 'dv_01_jump',
  kind: 'deviation',
  field: 'dv_01_num',
  maxChangePercent: 50,
};

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('the numerator/denominator rule every template has', () => {
  it('is derived for each KPI pair, an error', () => {
    expect(derivedRules(FIELDS)).toEqual([
      expect.objectContaining({
        code: 'kpi:DV-01',
        kind: 'compare',
        severity: 'error',
        left: 'dv_01_num',
        op: 'lte',
        right: 'dv_01_den',
      }),
    ]);
  });

  it('refuses 80 of 50 and 200 of 100; allows 50 of 50 and 0 of 0', () => {
    for (const [n, d] of [
      [80, 50],
      [200, 100],
    ]) {
      const issues = evaluateRules(FIELDS, [], { dv_01_num: n, dv_01_den: d });
      expect(issues).toEqual([
        expect.objectContaining({
          code: 'kpi:DV-01',
          kind: 'kpiPair',
          severity: 'error',
          fields: ['dv_01_num', 'dv_01_den'],
          messageVi: 'Tử số không được lớn hơn mẫu số (DV-01).',
        }),
      ]);
    }
    expect(evaluateRules(FIELDS, [], { dv_01_num: 50, dv_01_den: 50 })).toEqual([]);
    expect(evaluateRules(FIELDS, [], { dv_01_num: 0, dv_01_den: 0 })).toEqual([]);
  });

  it('holds exactly when the numerator is at most the denominator (property)', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), (n, d) => {
        const failed = codes(evaluateRules(FIELDS, [], { dv_01_num: n, dv_01_den: d })).includes('kpi:DV-01');
        expect(failed).toBe(n > d);
      }),
    );
  });

  it('needs both fields of the pair and numbers in them', () => {
    expect(derivedRules(FIELDS.filter((f) => f.code !== 'dv_01_den'))).toEqual([]);
    expect(evaluateRules(FIELDS, [], { dv_01_num: 80 })).toEqual([]);
    expect(evaluateRules(FIELDS, [], { dv_01_num: 80, dv_01_den: null })).toEqual([]);
    expect(evaluateRules(FIELDS, [], { dv_01_num: '80', dv_01_den: 50 })).toEqual([]);
  });
});

describe('compare rules', () => {
  const holds = {
    lte: [
      [1, 2, true],
      [2, 2, true],
      [3, 2, false],
    ],
    lt: [
      [1, 2, true],
      [2, 2, false],
      [3, 2, false],
    ],
    gte: [
      [1, 2, false],
      [2, 2, true],
      [3, 2, true],
    ],
    gt: [
      [1, 2, false],
      [2, 2, false],
      [3, 2, true],
    ],
    eq: [
      [1, 2, false],
      [2, 2, true],
      [0.1 + 0.2, 0.3, true],
    ],
  } as const;

  it.each(COMPARE_OPERATORS)('%s', (op) => {
    for (const [left, right, expected] of holds[op]) {
      expect(compareHolds(op, left, right)).toBe(expected);
      const rule: ValidationRule = {
        ...base,
        code: 'c',
        kind: 'compare',
        left: 'budget_central',
        op,
        right: 'budget_total',
      };
      const issues = evaluateRules(FIELDS, [rule], { budget_central: left, budget_total: right });
      expect(issues.length).toBe(expected ? 0 : 1);
    }
  });

  it('agrees with its mirror: a ≤ b exactly when b ≥ a, and eq when both ≤ hold (property)', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, (a, b) => {
        expect(compareHolds('lte', a, b)).toBe(compareHolds('gte', b, a));
        expect(compareHolds('lt', a, b)).toBe(compareHolds('gt', b, a));
        expect(compareHolds('eq', a, b)).toBe(compareHolds('lte', a, b) && compareHolds('gte', a, b));
        expect(compareHolds('lt', a, b)).toBe(!compareHolds('gte', a, b));
      }),
    );
  });

  it('skips a rule naming a text field or a field the template does not have', () => {
    const rules: ValidationRule[] = [
      { ...base, code: 'a', kind: 'compare', left: 'notes', op: 'eq', right: 'budget_total' },
      { ...base, code: 'b', kind: 'compare', left: 'gone', op: 'eq', right: 'budget_total' },
    ];
    expect(evaluateRules(FIELDS, rules, { notes: 5, gone: 5, budget_total: 1 })).toEqual([]);
  });
});

describe('sum rules', () => {
  it('holds for decimals that add up (12,3 + 0,1 + …), within a tolerance', () => {
    expect(
      evaluateRules(FIELDS, [SUM], { budget_total: 0.3, budget_central: 0.1, budget_local: 0.2 }),
    ).toEqual([]);
    expect(
      evaluateRules(FIELDS, [SUM], { budget_total: 1234.56, budget_central: 1000.11, budget_local: 234.45 }),
    ).toEqual([]);
  });

  it('fails when the parts do not add up, giving their sum', () => {
    expect(evaluateRules(FIELDS, [SUM], { budget_total: 10, budget_central: 4, budget_local: 5 })).toEqual([
      expect.objectContaining({
        code: 'budget_sum',
        kind: 'sum',
        fields: ['budget_total', 'budget_central', 'budget_local'],
        reference: 9,
      }),
    ]);
    expect(
      evaluateRules(FIELDS, [SUM], { budget_total: 0.31, budget_central: 0.1, budget_local: 0.2 }),
    ).toHaveLength(1);
  });

  it('any decimals written to two places add up to their total (property)', () => {
    const cents = fc.integer({ min: 0, max: 1e9 });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const values = { budget_central: a / 100, budget_local: b / 100, budget_total: (a + b) / 100 };
        expect(evaluateRules(FIELDS, [SUM], values)).toEqual([]);
        expect(evaluateRules(FIELDS, [SUM], { ...values, budget_total: (a + b + 1) / 100 })).toHaveLength(1);
      }),
    );
  });

  it('is skipped while a part is empty', () => {
    expect(evaluateRules(FIELDS, [SUM], { budget_total: 10, budget_central: 4 })).toEqual([]);
    expect(evaluateRules(FIELDS, [SUM], { budget_central: 4, budget_local: 3 })).toEqual([]);
  });
});

describe('deviation from the previous accepted period', () => {
  const within = { dv_01_num: 30, dv_01_den: 100 };
  it('warns beyond the allowed change, up or down, giving the previous value', () => {
    const previousValues = { dv_01_num: 20 };
    expect(evaluateRules(FIELDS, [DEVIATION], within, { previousValues })).toEqual([]);
    expect(evaluateRules(FIELDS, [DEVIATION], { ...within, dv_01_num: 31 }, { previousValues })).toEqual([
      expect.objectContaining({
        code: 'dv_01_jump',
        severity: 'warning',
        fields: ['dv_01_num'],
        reference: 20,
      }),
    ]);
    expect(evaluateRules(FIELDS, [DEVIATION], { ...within, dv_01_num: 9 }, { previousValues })).toHaveLength(
      1,
    );
    expect(evaluateRules(FIELDS, [DEVIATION], { ...within, dv_01_num: 10 }, { previousValues })).toEqual([]);
  });

  it('is not judged without a previous accepted period, or from a previous 0', () => {
    expect(evaluateRules(FIELDS, [DEVIATION], { ...within, dv_01_num: 90 })).toEqual([]);
    expect(
      evaluateRules(FIELDS, [DEVIATION], { ...within, dv_01_num: 90 }, { previousValues: { dv_01_num: 0 } }),
    ).toEqual([]);
    expect(
      evaluateRules(
        FIELDS,
        [DEVIATION],
        { ...within, dv_01_num: 90 },
        { previousValues: { dv_01_num: null } },
      ),
    ).toEqual([]);
  });

  it('warns exactly when the change exceeds the limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (previous, current) => {
        const issues = evaluateRules(
          FIELDS,
          [DEVIATION],
          { dv_01_num: current, dv_01_den: 1e7 },
          { previousValues: { dv_01_num: previous } },
        );
        expect(issues.length).toBe(Math.abs(current - previous) * 2 > previous ? 1 : 0);
      }),
    );
  });
});

describe('figures the system already holds', () => {
  it('maps each source to the monthly report’s counts, assigned = completed + overdue + in progress', () => {
    const counts = {
      assigned: 20,
      completedOnTime: 6,
      completedLate: 2,
      inProgress: 7,
      overdue: 3,
      noDeadline: 2,
    };
    expect(Object.fromEntries(SYSTEM_SOURCES.map((s) => [s, systemFigure(s, counts)]))).toEqual({
      'tasks.assigned': 20,
      'tasks.completed': 8,
      'tasks.overdue': 3,
      'tasks.in_progress': 9,
    });
  });

  it('warns when the agency reports another figure, keyed source:<field>', () => {
    const systemValues = { tasks_assigned: 3 };
    expect(evaluateRules(FIELDS, [], { tasks_assigned: 3 }, { systemValues })).toEqual([]);
    expect(evaluateRules(FIELDS, [], { tasks_assigned: 37 }, { systemValues })).toEqual([
      {
        code: 'source:tasks_assigned',
        kind: 'source',
        severity: 'warning',
        fields: ['tasks_assigned'],
        messageVi: '«Số nhiệm vụ được giao» khác số liệu hệ thống đang theo dõi (3); cần giải trình.',
        messageEn: '"Tasks assigned" differs from the figure the system holds (3); an explanation is needed.',
        reference: 3,
      },
    ]);
    expect(evaluateRules(FIELDS, [], { tasks_assigned: null }, { systemValues })).toEqual([]);
    expect(evaluateRules(FIELDS, [], { tasks_assigned: 37 })).toEqual([]);
  });
});

describe('what blocks, what is kept', () => {
  const issues = evaluateRules(
    FIELDS,
    [DEVIATION],
    { dv_01_num: 90, dv_01_den: 50, tasks_assigned: 37 },
    { previousValues: { dv_01_num: 20 }, systemValues: { tasks_assigned: 3 } },
  );

  it('errors always block; a warning blocks until it has a written explanation', () => {
    expect(codes(issues).sort()).toEqual(['dv_01_jump', 'kpi:DV-01', 'source:tasks_assigned']);
    expect(codes(blockingIssues(issues, {})).sort()).toEqual([
      'dv_01_jump',
      'kpi:DV-01',
      'source:tasks_assigned',
    ]);
    const explained = { dv_01_jump: 'Sáp nhập hai sở', 'source:tasks_assigned': '   ', 'kpi:DV-01': 'x' };
    expect(codes(blockingIssues(issues, explained)).sort()).toEqual(['kpi:DV-01', 'source:tasks_assigned']);
  });

  it('keeps only the explanations of raised warnings, trimmed', () => {
    expect(
      explanationsFor(issues, {
        dv_01_jump: '  Sáp nhập hai sở ',
        'kpi:DV-01': 'not a warning',
        gone_rule: 'stale',
      }),
    ).toEqual({ dv_01_jump: 'Sáp nhập hai sở' });
  });

  it('asks for the context only when a rule needing it has a value', () => {
    expect(contextNeeded(FIELDS, [DEVIATION], {})).toEqual({ previous: false, system: false });
    expect(contextNeeded(FIELDS, [DEVIATION], { dv_01_num: 1, tasks_assigned: 2 })).toEqual({
      previous: true,
      system: true,
    });
  });
});
