import type { KpiSource, Pillar } from './kpi-vocabulary';
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
 * VH-04: share of the Government's tasks led by the agency, open during the quarter, that were actually
 * followed in the system during it (the lead agency posted progress, or the task was completed, within
 * the quarter). VH-03 (an agency's reporting regimes run through the Reporting Information System) is
 * reported by the agencies (a share: regimes through the system / all the agency's regimes), since
 * the system only knows the regimes configured in it.
 */
export const SYSTEM_KPIS = ['VH-04'] as const;

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

/** KPIs whose definition is more than their kind's: what exactly is counted. */
const OWN_DEFINITIONS: Record<string, Bilingual> = {
  'VH-03': {
    vi: 'Tổng số chế độ báo cáo được thực hiện qua Hệ thống thông tin báo cáo / tổng số chế độ báo cáo của các cơ quan, do các cơ quan báo cáo trong báo cáo quý BC-CPS-QUY đã được Văn phòng Chính phủ tiếp nhận (không lấy trung bình các tỷ lệ).',
    en: 'Reporting regimes carried out through the Reporting Information System / all the agencies’ reporting regimes, as the agencies report them in the quarterly report BC-CPS-QUY accepted by the Government Office (never a mean of percentages).',
  },
  'VH-04': {
    vi: 'Số nhiệm vụ được theo dõi trên hệ thống trong quý (cơ quan chủ trì cập nhật tiến độ hoặc nhiệm vụ hoàn thành trong quý) / số nhiệm vụ đang thực hiện trong quý (không tính nhiệm vụ đã thu hồi).',
    en: 'Tasks followed in the system during the quarter (the lead agency posted progress, or the task was completed, in it) / tasks open during the quarter (withdrawn tasks excluded).',
  },
};

/** How a KPI's value is defined, shown beside it: by its kind, or what exactly it counts. */
export function kpiDefinition(code: string): Bilingual {
  const base = OWN_DEFINITIONS[code] ?? DEFINITIONS[kpiSource(code)];
  const threshold = MATURITY_THRESHOLDS[code];
  if (threshold === undefined) return base;
  return {
    vi: `${base.vi} Ngưỡng: mức ${threshold}${threshold < 5 ? ' trở lên' : ''}.`,
    en: `${base.en} Threshold: level ${threshold}${threshold < 5 ? ' or above' : ''}.`,
  };
}

/**
 * Indicators the system computes from its own records that are not among the Program's KPIs: no
 * target, no trajectory, no status. Defined here rather than in the `kpis` catalog table (the
 * Program's 20 KPIs, Decision 2629/QĐ-TTg, with their targets), so that the catalog, the off-track
 * count and the scorecards stay the Program's, and a database needs no new row for them.
 */
export interface SystemIndicator {
  code: string;
  pillar: Pillar;
  unit: 'percent';
  name: Bilingual;
  definition: Bilingual;
}

/** HT-01: punctuality of periodic reporting (the computation formerly shown, wrongly, as VH-03). */
export const REPORTS_ON_TIME = 'HT-01';

export const SYSTEM_INDICATORS: readonly SystemIndicator[] = [
  {
    code: REPORTS_ON_TIME,
    pillar: 'operations',
    unit: 'percent',
    name: {
      vi: 'Tỷ lệ báo cáo định kỳ nộp đúng hạn qua hệ thống',
      en: 'Periodic reports submitted on time through the system',
    },
    definition: {
      vi: 'Số báo cáo định kỳ gửi qua hệ thống chậm nhất trong ngày hết hạn nộp / số báo cáo phải gửi (cơ quan phải báo cáo × chế độ báo cáo × kỳ đã hết hạn nộp), theo quý chứa ngày chốt số liệu của kỳ. Báo cáo gửi muộn không được tính (tỷ lệ gửi đủ, kể cả muộn, xem ở trang tình hình nộp báo cáo). Chỉ số của hệ thống, không phải chỉ tiêu của Chương trình: không có mục tiêu, không đánh giá trạng thái.',
      en: 'Periodic reports submitted through the system by the end of their deadline day / reports due (obliged agency × reporting regime × period past its deadline), per quarter of the period’s cut-off. Late reports do not count (completeness, late ones included, is on the reporting compliance page). A system indicator, not one of the Program’s KPIs: no target, no status.',
    },
  },
];
