/**
 * The data dictionary of the open-data files (issue 18, ADR 0033): every public table, its columns in
 * the order the CSV has them, with the header in Vietnamese and English and what each holds. The one
 * home of the headers: the CSV files, `dictionary.json`, the DCAT catalogue and the portal's page.
 */

/** The licence every published file, the catalogue and the page state. */
export const OPEN_DATA_LICENCE = {
  url: 'https://creativecommons.org/licenses/by/4.0/',
  name: {
    vi: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)',
    en: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  },
  attribution: {
    vi: 'Nguồn: Văn phòng Chính phủ — Hệ thống giám sát Chương trình chuyển đổi số (Quyết định 2629/QĐ-TTg)',
    en: 'Source: Government Office — Digital Government Program Monitor (Decision 2629/QĐ-TTg)',
  },
} as const;

export type OpenDataTable = 'kpis' | 'kpi-agencies' | 'task-groups';
export type ColumnType = 'string' | 'number' | 'date' | 'integer';

export interface DictionaryColumn {
  key: string;
  type: ColumnType;
  header: { vi: string; en: string };
  description: { vi: string; en: string };
}

export interface DictionaryTable {
  table: OpenDataTable;
  title: { vi: string; en: string };
  description: { vi: string; en: string };
  columns: readonly DictionaryColumn[];
}

const col = (
  key: string,
  type: ColumnType,
  vi: string,
  en: string,
  descVi: string,
  descEn: string,
): DictionaryColumn => ({ key, type, header: { vi, en }, description: { vi: descVi, en: descEn } });

const kpiColumns = [
  col('code', 'string', 'Mã chỉ tiêu', 'KPI code', 'Mã chỉ tiêu của Chương trình', 'The Program KPI’s code'),
  col('name', 'string', 'Chỉ tiêu', 'KPI', 'Tên chỉ tiêu', 'The KPI’s name'),
  col('period', 'string', 'Kỳ', 'Period', 'Tên kỳ báo cáo', 'The reporting period’s name'),
  col(
    'periodKey',
    'string',
    'Mã kỳ',
    'Period key',
    'Mã kỳ (dùng trong đường dẫn tải)',
    'The period’s key (used in download URLs)',
  ),
  col(
    'periodEnd',
    'date',
    'Ngày chốt số liệu',
    'Cut-off date',
    'Ngày cuối của kỳ (yyyy-MM-dd)',
    'The period’s last day (yyyy-MM-dd)',
  ),
] as const;

export const OPEN_DATA_DICTIONARY: readonly DictionaryTable[] = [
  {
    table: 'kpis',
    title: { vi: 'Giá trị toàn quốc của các chỉ tiêu', en: 'National values of the KPIs' },
    description: {
      vi: 'Mỗi dòng là giá trị toàn quốc của một chỉ tiêu trong một kỳ đã kết thúc và đã hết hạn nộp báo cáo, tính từ số liệu đã được tiếp nhận.',
      en: 'Each row is a KPI’s national value in a period that is over and past its reporting deadline, computed from accepted figures.',
    },
    columns: [
      ...kpiColumns,
      col(
        'value',
        'number',
        'Giá trị (%)',
        'Value (%)',
        'Tử số / mẫu số, phần trăm',
        'Numerator / denominator, percent',
      ),
      col(
        'numerator',
        'number',
        'Tử số',
        'Numerator',
        'Tổng tử số của các cơ quan',
        'Sum of the agencies’ numerators',
      ),
      col(
        'denominator',
        'number',
        'Mẫu số',
        'Denominator',
        'Tổng mẫu số của các cơ quan',
        'Sum of the agencies’ denominators',
      ),
      col(
        'agencies',
        'integer',
        'Số cơ quan đã báo cáo',
        'Agencies reported',
        'Số cơ quan có số liệu được tiếp nhận',
        'Agencies with an accepted figure',
      ),
      col(
        'obliged',
        'integer',
        'Số cơ quan phải báo cáo',
        'Agencies obliged',
        'Để trống: chỉ tiêu do hệ thống tính',
        'Empty: a KPI the system computes',
      ),
      col(
        'coverage',
        'number',
        'Độ bao phủ (%)',
        'Coverage (%)',
        'Số đã báo cáo / số phải báo cáo',
        'Reported / obliged',
      ),
      col(
        'closesOn',
        'date',
        'Hạn nộp của kỳ',
        'Period deadline',
        'Hạn nộp báo cáo của kỳ',
        'The period’s reporting deadline',
      ),
      col(
        'planned',
        'number',
        'Lộ trình (%)',
        'Trajectory (%)',
        'Giá trị theo lộ trình đến mục tiêu tại ngày chốt',
        'The planned value on the path to the targets at the cut-off',
      ),
      col(
        'target2027',
        'number',
        'Mục tiêu 2027 (%)',
        'Target 2027 (%)',
        'Mục tiêu đến năm 2027',
        'The target for 2027',
      ),
      col(
        'target2030',
        'number',
        'Mục tiêu 2030 (%)',
        'Target 2030 (%)',
        'Mục tiêu đến năm 2030',
        'The target for 2030',
      ),
      col(
        'status',
        'string',
        'Trạng thái',
        'Status',
        'Đánh giá so với lộ trình (theo kỳ công bố mới nhất)',
        'Judged against the trajectory (as of the newest published period)',
      ),
    ],
  },
  {
    table: 'kpi-agencies',
    title: { vi: 'Số liệu của từng cơ quan', en: 'Figures of each agency' },
    description: {
      vi: 'Số liệu đã được tiếp nhận của từng cơ quan cho một chỉ tiêu trong một kỳ đã công bố.',
      en: 'Each agency’s accepted figure of one KPI in a published period.',
    },
    columns: [
      ...kpiColumns,
      col('agency', 'string', 'Cơ quan', 'Agency', 'Tên cơ quan, địa phương', 'The agency’s name'),
      col('level', 'string', 'Cấp', 'Level', 'Trung ương, tỉnh hoặc xã', 'Central, provincial or commune'),
      col(
        'value',
        'number',
        'Giá trị (%)',
        'Value (%)',
        'Giá trị cơ quan báo cáo',
        'The value the agency reported',
      ),
      col(
        'numerator',
        'number',
        'Tử số',
        'Numerator',
        'Tử số cơ quan báo cáo',
        'The numerator the agency reported',
      ),
      col(
        'denominator',
        'number',
        'Mẫu số',
        'Denominator',
        'Mẫu số cơ quan báo cáo',
        'The denominator the agency reported',
      ),
    ],
  },
  {
    table: 'task-groups',
    title: { vi: 'Tiến độ nhiệm vụ theo nhóm', en: 'Task progress by group' },
    description: {
      vi: 'Số nhiệm vụ Chính phủ giao theo nhóm nhiệm vụ và tình trạng, tính đến ngày công bố.',
      en: 'Tasks assigned by the Government per task group and status, as of the publication date.',
    },
    columns: [
      col(
        'groupNo',
        'integer',
        'Số nhóm',
        'Group number',
        'Số thứ tự nhóm nhiệm vụ (0: chưa phân nhóm)',
        'The task group’s number (0: no group)',
      ),
      col('group', 'string', 'Nhóm nhiệm vụ', 'Task group', 'Tên nhóm nhiệm vụ', 'The task group’s name'),
      col('total', 'integer', 'Tổng số nhiệm vụ', 'Tasks', 'Tổng số nhiệm vụ của nhóm', 'Tasks in the group'),
      col(
        'completed_on_time',
        'integer',
        'Hoàn thành đúng hạn',
        'Completed on time',
        'Số nhiệm vụ hoàn thành đúng hạn',
        'Tasks completed on time',
      ),
      col(
        'completed_late',
        'integer',
        'Hoàn thành quá hạn',
        'Completed late',
        'Số nhiệm vụ hoàn thành sau hạn',
        'Tasks completed after the deadline',
      ),
      col(
        'in_progress',
        'integer',
        'Đang thực hiện',
        'In progress',
        'Số nhiệm vụ đang thực hiện, chưa đến hạn',
        'Tasks under way, not yet due',
      ),
      col(
        'overdue',
        'integer',
        'Quá hạn',
        'Overdue',
        'Số nhiệm vụ chưa hoàn thành đã quá hạn',
        'Tasks not done past their deadline',
      ),
      col(
        'no_deadline',
        'integer',
        'Không có hạn',
        'No deadline',
        'Số nhiệm vụ thường xuyên, không có hạn',
        'Standing tasks without a deadline',
      ),
      col(
        'withdrawn',
        'integer',
        'Đã rút',
        'Withdrawn',
        'Số nhiệm vụ đã rút, không còn thực hiện',
        'Tasks withdrawn',
      ),
      col(
        'asOf',
        'date',
        'Tính đến ngày',
        'As of',
        'Ngày (giờ Việt Nam) số liệu được tính',
        'The date (Vietnam time) the counts are as of',
      ),
    ],
  },
];

export function dictionaryTable(table: OpenDataTable): DictionaryTable {
  const found = OPEN_DATA_DICTIONARY.find((t) => t.table === table);
  if (!found) throw new RangeError(`no such table: ${table}`);
  return found;
}
