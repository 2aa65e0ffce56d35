import type { AgencyKind } from '../../shared/agencies';
import { createRandom } from '../../shared/random';

/** The real split of the 3,321 commune-level units (2025): communes, wards, special zones. */
const REAL_TOTAL = 3321;
const REAL_WARDS = 687;
const REAL_SPECIAL_ZONES = 13;

const FIRST = [
  'Tân',
  'An',
  'Phú',
  'Hòa',
  'Bình',
  'Long',
  'Phước',
  'Vĩnh',
  'Mỹ',
  'Thạnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Hưng',
  'Quang',
  'Thuận',
  'Hiệp',
  'Xuân',
  'Minh',
  'Đức',
  'Thanh',
  'Yên',
  'Kim',
  'Sơn',
  'Hải',
  'Lộc',
  'Định',
  'Cẩm',
];
const SECOND = [
  'Thành',
  'Lợi',
  'Hội',
  'Thịnh',
  'Phong',
  'Lạc',
  'Khánh',
  'Điền',
  'Hòa',
  'Bình',
  'Phú',
  'Sơn',
  'Hà',
  'Tiến',
  'Lâm',
  'Châu',
  'Giang',
  'Hưng',
  'Xuyên',
  'Trạch',
  'Tây',
  'Đông',
  'Ninh',
  'Mỹ',
  'Hiệp',
  'Nghĩa',
  'Tân',
  'Quý',
  'Định',
  'Khê',
];

export interface GeneratedCommune {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: AgencyKind;
  provinceCode: string;
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Commune-level units for demos and load tests, spread over the provinces (larger shares to the
 * first, bigger units), with the country's real proportions of communes, wards and special zones.
 * A real deployment imports the official list through the same insert path instead.
 */
export function generateCommunes(
  provinceCodes: readonly string[],
  total: number,
  seed = 2629,
): GeneratedCommune[] {
  if (provinceCodes.length === 0 || total <= 0) return [];
  const random = createRandom(seed);
  const weights = provinceCodes.map(() => 0.5 + random.next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / weightSum) * total));
  let remainder = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % counts.length, remainder--) counts[i] = (counts[i] ?? 0) + 1;

  const wards = Math.round((REAL_WARDS / REAL_TOTAL) * total);
  const zones = Math.round((REAL_SPECIAL_ZONES / REAL_TOTAL) * total);
  const result: GeneratedCommune[] = [];
  let serial = 0;
  provinceCodes.forEach((provinceCode, p) => {
    const used = new Set<string>();
    const count = counts[p] ?? 0;
    for (let i = 0; i < count; i++) {
      serial++;
      const kind = kindFor(serial, total, wards, zones, random.next());
      let base = `${random.pick(FIRST)} ${random.pick(SECOND)}`;
      for (let n = 2; used.has(base); n++) base = `${base.replace(/ \d+$/, '')} ${n}`;
      used.add(base);
      const prefixVi = kind === 'ward' ? 'Phường' : kind === 'special_zone' ? 'Đặc khu' : 'Xã';
      const prefixEn = kind === 'ward' ? 'Ward' : kind === 'special_zone' ? 'Special zone' : 'Commune';
      result.push({
        code: `${provinceCode}-${String(i + 1).padStart(3, '0')}`,
        nameVi: `${prefixVi} ${base}`,
        nameEn: `${prefixEn} ${ascii(base)}`,
        kind,
        provinceCode,
      });
    }
  });
  return result;
}

/** Special zones spread evenly over the list; wards drawn at the country's ward share. */
function kindFor(serial: number, total: number, wards: number, zones: number, draw: number): AgencyKind {
  if (zones > 0 && serial % Math.floor(total / zones) === 0 && serial / Math.floor(total / zones) <= zones) {
    return 'special_zone';
  }
  return draw < wards / total ? 'ward' : 'commune';
}
