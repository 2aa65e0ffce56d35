import type { KpiSource } from './kpi-vocabulary';
import type { Bilingual } from './schemas/kpis';

/**
 * What the code must know of the KPI catalog (names, units and targets are reference data in the
 * database): which KPIs are not plain shares, the maturity thresholds, and how each kind is defined.
 */

export const CONDITION_KPIS = ['DL-01', 'VH-05'] as const;
/** DL-04/05/06 are "at level 3 / 4 / 5" (the catalog's English names say "or above" for 3 and 4). */
export const MATURITY_THRESHOLDS: Readonly<Record<string, number>> = { 'DL-04': 3, 'DL-05': 4, 'DL-06': 5 };
/** The template field carrying the maturity level is tagged with this KPI code. */
export const MATURITY_FIELD_KPI = 'DL-04';
/**
 * VH-03: share of expected reports (obliged agency × reporting regime × period whose deadline has
 * passed) that were submitted through the system. VH-04: share of the Government's tasks led by the
 * agency, open during the quarter, that were actually followed in the system during it (the lead agency
 * posted progress, or the task was completed, within the quarter).
 */
export const SYSTEM_KPIS = ['VH-03', 'VH-04'] as const;

export function kpiSource(code: string): KpiSource {
  if ((CONDITION_KPIS as readonly string[]).includes(code)) return 'agency_condition';
  if (code in MATURITY_THRESHOLDS) return 'maturity';
  if ((SYSTEM_KPIS as readonly string[]).includes(code)) return 'system';
  return 'share';
}

const DEFINITIONS: Record<KpiSource, Bilingual> = {
  share: {
    vi: 'Tổng tử số / tổng mẫu số do các cơ quan báo cáo trong các báo cáo đã được Văn phòng Chính phủ tiếp nhận (không lấy trung bình các tỷ lệ).',
    en: 'Sum of numerators / sum of denominators reported by agencies in submissions accepted by the Government Office (never a mean of percentages).',
  },
  agency_condition: {
    vi: 'Số cơ quan đáp ứng điều kiện / tổng số cơ quan phải báo cáo; mỗi cơ quan tính theo báo cáo được tiếp nhận gần nhất tính đến kỳ; cơ quan chưa báo cáo tính là chưa đáp ứng.',
    en: 'Agencies meeting the condition / all obliged agencies, each by its latest accepted report up to the period; an agency that has not reported counts as not meeting it.',
  },
  maturity: {
    vi: 'Số cơ quan có mức trưởng thành quản trị dữ liệu (1–5, theo báo cáo được tiếp nhận gần nhất) đạt ngưỡng / tổng số cơ quan phải báo cáo.',
    en: 'Agencies whose data-governance maturity level (1–5, latest accepted report) reaches the threshold / all obliged agencies.',
  },
  system: {
    vi: 'Tính từ dữ liệu của chính hệ thống.',
    en: "Computed from the system's own records.",
  },
};

const SYSTEM_DEFINITIONS: Record<string, Bilingual> = {
  'VH-03': {
    vi: 'Số báo cáo đã gửi qua hệ thống / số báo cáo phải gửi (cơ quan phải báo cáo × chế độ báo cáo × kỳ đã quá hạn nộp), theo quý.',
    en: 'Reports submitted through the system / reports due (obliged agency × reporting regime × period past its deadline), per quarter.',
  },
  'VH-04': {
    vi: 'Số nhiệm vụ được theo dõi trên hệ thống trong quý (cơ quan chủ trì cập nhật tiến độ hoặc nhiệm vụ hoàn thành trong quý) / số nhiệm vụ đang thực hiện trong quý (không tính nhiệm vụ đã thu hồi).',
    en: 'Tasks followed in the system during the quarter (the lead agency posted progress, or the task was completed, in it) / tasks open during the quarter (withdrawn tasks excluded).',
  },
};

/** How a KPI's value is defined, shown beside it: by its kind, and for system KPIs the computation. */
export function kpiDefinition(code: string): Bilingual {
  const base = SYSTEM_DEFINITIONS[code] ?? DEFINITIONS[kpiSource(code)];
  const threshold = MATURITY_THRESHOLDS[code];
  if (threshold === undefined) return base;
  return {
    vi: `${base.vi} Ngưỡng: mức ${threshold}${threshold < 5 ? ' trở lên' : ''}.`,
    en: `${base.en} Threshold: level ${threshold}${threshold < 5 ? ' or above' : ''}.`,
  };
}
