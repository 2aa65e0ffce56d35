import type { AgencyKind } from '../../shared/agencies';
import { createRandom } from '../../shared/random';

/**
 * The commune-level units of each provincial unit since 1 July 2025 (Resolutions of the National
 * Assembly Standing Committee on rearranging commune-level units, 2025): how many communes and wards,
 * and the special zones by name, on the island units where they are. Keyed by the province's name
 * without "Tỉnh"/"Thành phố". The country's totals are 2,621 communes, 687 wards and 13 special zones
 * (3,321 units); the per-province figures are as published, except Hưng Yên's ward count, set one
 * lower so the wards add up to the national 687 (the published per-province tables we had summed to
 * 688). A real deployment imports the official list through the agency import instead.
 */
const REAL_UNITS: Record<string, { communes: number; wards: number; specialZones: readonly string[] }> = {
  'Hà Nội': { communes: 75, wards: 51, specialZones: [] },
  Huế: { communes: 21, wards: 19, specialZones: [] },
  'Hải Phòng': { communes: 67, wards: 45, specialZones: ['Cát Hải', 'Bạch Long Vĩ'] },
  'Đà Nẵng': { communes: 70, wards: 23, specialZones: ['Hoàng Sa'] },
  'Hồ Chí Minh': { communes: 54, wards: 113, specialZones: ['Côn Đảo'] },
  'Cần Thơ': { communes: 72, wards: 31, specialZones: [] },
  'Lai Châu': { communes: 33, wards: 5, specialZones: [] },
  'Điện Biên': { communes: 42, wards: 3, specialZones: [] },
  'Sơn La': { communes: 67, wards: 8, specialZones: [] },
  'Lạng Sơn': { communes: 61, wards: 4, specialZones: [] },
  'Quảng Ninh': { communes: 22, wards: 30, specialZones: ['Vân Đồn', 'Cô Tô'] },
  'Thanh Hóa': { communes: 147, wards: 19, specialZones: [] },
  'Nghệ An': { communes: 119, wards: 11, specialZones: [] },
  'Hà Tĩnh': { communes: 60, wards: 9, specialZones: [] },
  'Cao Bằng': { communes: 53, wards: 3, specialZones: [] },
  'Tuyên Quang': { communes: 117, wards: 7, specialZones: [] },
  'Lào Cai': { communes: 89, wards: 10, specialZones: [] },
  'Thái Nguyên': { communes: 77, wards: 15, specialZones: [] },
  'Phú Thọ': { communes: 133, wards: 15, specialZones: [] },
  'Bắc Ninh': { communes: 66, wards: 33, specialZones: [] },
  'Hưng Yên': { communes: 94, wards: 10, specialZones: [] },
  'Ninh Bình': { communes: 97, wards: 32, specialZones: [] },
  'Quảng Trị': { communes: 69, wards: 8, specialZones: ['Cồn Cỏ'] },
  'Quảng Ngãi': { communes: 86, wards: 9, specialZones: ['Lý Sơn'] },
  'Gia Lai': { communes: 110, wards: 25, specialZones: [] },
  'Khánh Hòa': { communes: 48, wards: 16, specialZones: ['Trường Sa'] },
  'Lâm Đồng': { communes: 103, wards: 20, specialZones: ['Phú Quý'] },
  'Đắk Lắk': { communes: 88, wards: 14, specialZones: [] },
  'Đồng Nai': { communes: 72, wards: 23, specialZones: [] },
  'Tây Ninh': { communes: 82, wards: 14, specialZones: [] },
  'Vĩnh Long': { communes: 105, wards: 19, specialZones: [] },
  'Đồng Tháp': { communes: 82, wards: 20, specialZones: [] },
  'Cà Mau': { communes: 55, wards: 9, specialZones: [] },
  'An Giang': { communes: 85, wards: 14, specialZones: ['Phú Quốc', 'Kiên Hải', 'Thổ Châu'] },
};

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

export interface ProvinceForCommunes {
  code: string;
  /** As in the reference list: "Thành phố Hà Nội", "Tỉnh Quảng Ninh". */
  nameVi: string;
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function realUnitsOf(province: ProvinceForCommunes) {
  const units = REAL_UNITS[province.nameVi.replace(/^(Tỉnh|Thành phố) /, '')];
  if (!units) throw new Error(`No commune-level figures for ${province.nameVi}`);
  return units;
}

/** The real number of commune-level units: 3,321. */
export const REAL_COMMUNE_TOTAL = Object.values(REAL_UNITS).reduce(
  (sum, u) => sum + u.communes + u.wards + u.specialZones.length,
  0,
);

/** `total` shared out in proportion to `weights`, largest remainders first (exact when the weights sum to it). */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); left > 0; k++, left--) {
    const i = order[k % order.length]?.i ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * Commune-level units for demos and load tests. With the full 3,321, each province gets its real
 * number of communes and wards and its real special zones (by name); with fewer, each province gets
 * its share of `total`, drawn from its own real units. Commune and ward names are generated.
 * A real deployment imports the official list instead.
 */
export function generateCommunes(
  provinces: readonly ProvinceForCommunes[],
  total: number,
  seed = 2629,
): GeneratedCommune[] {
  if (provinces.length === 0 || total <= 0) return [];
  const random = createRandom(seed);
  const real = provinces.map(realUnitsOf);
  const sizes = real.map((u) => u.communes + u.wards + u.specialZones.length);
  const counts = apportion(sizes, total);

  const result: GeneratedCommune[] = [];
  provinces.forEach((province, p) => {
    const units = real[p];
    if (!units) return;
    // The province's real units in a seeded order, of which the first `count` are made.
    const drawn: { kind: AgencyKind; name?: string }[] = [
      ...units.specialZones.map((name) => ({ kind: 'special_zone' as const, name })),
      ...Array.from({ length: units.wards }, () => ({ kind: 'ward' as const })),
      ...Array.from({ length: units.communes }, () => ({ kind: 'commune' as const })),
    ];
    for (let i = drawn.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [drawn[i], drawn[j]] = [drawn[j] as (typeof drawn)[number], drawn[i] as (typeof drawn)[number]];
    }
    const used = new Set<string>(units.specialZones);
    drawn.slice(0, counts[p] ?? 0).forEach(({ kind, name }, i) => {
      let base = name ?? `${random.pick(FIRST)} ${random.pick(SECOND)}`;
      if (!name) {
        for (let n = 2; used.has(base); n++) base = `${base.replace(/ \d+$/, '')} ${n}`;
        used.add(base);
      }
      const prefixVi = kind === 'ward' ? 'Phường' : kind === 'special_zone' ? 'Đặc khu' : 'Xã';
      const prefixEn = kind === 'ward' ? 'Ward' : kind === 'special_zone' ? 'Special zone' : 'Commune';
      result.push({
        code: `${province.code}-${String(i + 1).padStart(3, '0')}`,
        nameVi: `${prefixVi} ${base}`,
        nameEn: `${prefixEn} ${ascii(base)}`,
        kind,
        provinceCode: province.code,
      });
    });
  });
  return result;
}
