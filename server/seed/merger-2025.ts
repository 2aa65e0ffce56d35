import { and, eq } from 'drizzle-orm';
import { createRandom } from '../../shared/random';
import { foldVietnamese, vietnameseSortKey } from '../../shared/text';
import { shiftDate, vietnamInstant } from '../../shared/time';
import type { Db } from '../db/client';
import { agencies, agencyChangeLinks, agencyChanges, documents, tasks } from '../db/schema';
import { isCurrentAgency } from '../modules/agencies/current';
import { FIELDS, TITLES } from './demo';
import { initials } from './reference';
import { replayTaskEvents, type TaskEvent } from './task-history';

/** The first day of the 34 provincial units (Resolution 202/2025/QH15); the 63 ended the day before. */
export const MERGER_2025_ON = '2025-07-01';
const LAST_DAY = '2025-06-30';

/**
 * Resolution 202/2025/QH15: the new unit (by its name today, reference/agencies.json) and the
 * provincial units of before that form it, the one whose name it keeps first. The eleven units
 * unchanged (Hà Nội, Huế, Lai Châu, Điện Biên, Sơn La, Lạng Sơn, Quảng Ninh, Thanh Hóa, Nghệ An,
 * Hà Tĩnh, Cao Bằng) are the same unit before and after: the same row, no event.
 */
export const MERGER_2025: readonly { into: string; from: readonly [string, string][] }[] = [
  {
    into: 'Tỉnh Tuyên Quang',
    from: [
      ['Tỉnh Tuyên Quang', 'Tuyen Quang Province'],
      ['Tỉnh Hà Giang', 'Ha Giang Province'],
    ],
  },
  {
    into: 'Tỉnh Lào Cai',
    from: [
      ['Tỉnh Lào Cai', 'Lao Cai Province'],
      ['Tỉnh Yên Bái', 'Yen Bai Province'],
    ],
  },
  {
    into: 'Tỉnh Thái Nguyên',
    from: [
      ['Tỉnh Thái Nguyên', 'Thai Nguyen Province'],
      ['Tỉnh Bắc Kạn', 'Bac Kan Province'],
    ],
  },
  {
    into: 'Tỉnh Phú Thọ',
    from: [
      ['Tỉnh Phú Thọ', 'Phu Tho Province'],
      ['Tỉnh Vĩnh Phúc', 'Vinh Phuc Province'],
      ['Tỉnh Hòa Bình', 'Hoa Binh Province'],
    ],
  },
  {
    into: 'Tỉnh Bắc Ninh',
    from: [
      ['Tỉnh Bắc Ninh', 'Bac Ninh Province'],
      ['Tỉnh Bắc Giang', 'Bac Giang Province'],
    ],
  },
  {
    into: 'Tỉnh Hưng Yên',
    from: [
      ['Tỉnh Hưng Yên', 'Hung Yen Province'],
      ['Tỉnh Thái Bình', 'Thai Binh Province'],
    ],
  },
  {
    into: 'Thành phố Hải Phòng',
    from: [
      ['Thành phố Hải Phòng', 'Hai Phong City'],
      ['Tỉnh Hải Dương', 'Hai Duong Province'],
    ],
  },
  {
    into: 'Tỉnh Ninh Bình',
    from: [
      ['Tỉnh Ninh Bình', 'Ninh Binh Province'],
      ['Tỉnh Hà Nam', 'Ha Nam Province'],
      ['Tỉnh Nam Định', 'Nam Dinh Province'],
    ],
  },
  {
    into: 'Tỉnh Quảng Trị',
    from: [
      ['Tỉnh Quảng Trị', 'Quang Tri Province'],
      ['Tỉnh Quảng Bình', 'Quang Binh Province'],
    ],
  },
  {
    into: 'Thành phố Đà Nẵng',
    from: [
      ['Thành phố Đà Nẵng', 'Da Nang City'],
      ['Tỉnh Quảng Nam', 'Quang Nam Province'],
    ],
  },
  {
    into: 'Tỉnh Quảng Ngãi',
    from: [
      ['Tỉnh Quảng Ngãi', 'Quang Ngai Province'],
      ['Tỉnh Kon Tum', 'Kon Tum Province'],
    ],
  },
  {
    into: 'Tỉnh Gia Lai',
    from: [
      ['Tỉnh Gia Lai', 'Gia Lai Province'],
      ['Tỉnh Bình Định', 'Binh Dinh Province'],
    ],
  },
  {
    into: 'Tỉnh Khánh Hòa',
    from: [
      ['Tỉnh Khánh Hòa', 'Khanh Hoa Province'],
      ['Tỉnh Ninh Thuận', 'Ninh Thuan Province'],
    ],
  },
  {
    into: 'Tỉnh Lâm Đồng',
    from: [
      ['Tỉnh Lâm Đồng', 'Lam Dong Province'],
      ['Tỉnh Đắk Nông', 'Dak Nong Province'],
      ['Tỉnh Bình Thuận', 'Binh Thuan Province'],
    ],
  },
  {
    into: 'Tỉnh Đắk Lắk',
    from: [
      ['Tỉnh Đắk Lắk', 'Dak Lak Province'],
      ['Tỉnh Phú Yên', 'Phu Yen Province'],
    ],
  },
  {
    into: 'Thành phố Hồ Chí Minh',
    from: [
      ['Thành phố Hồ Chí Minh', 'Ho Chi Minh City'],
      ['Tỉnh Bình Dương', 'Binh Duong Province'],
      ['Tỉnh Bà Rịa - Vũng Tàu', 'Ba Ria - Vung Tau Province'],
    ],
  },
  {
    into: 'Tỉnh Đồng Nai',
    from: [
      ['Tỉnh Đồng Nai', 'Dong Nai Province'],
      ['Tỉnh Bình Phước', 'Binh Phuoc Province'],
    ],
  },
  {
    into: 'Tỉnh Tây Ninh',
    from: [
      ['Tỉnh Tây Ninh', 'Tay Ninh Province'],
      ['Tỉnh Long An', 'Long An Province'],
    ],
  },
  {
    into: 'Thành phố Cần Thơ',
    from: [
      ['Thành phố Cần Thơ', 'Can Tho City'],
      ['Tỉnh Sóc Trăng', 'Soc Trang Province'],
      ['Tỉnh Hậu Giang', 'Hau Giang Province'],
    ],
  },
  {
    into: 'Tỉnh Vĩnh Long',
    from: [
      ['Tỉnh Vĩnh Long', 'Vinh Long Province'],
      ['Tỉnh Bến Tre', 'Ben Tre Province'],
      ['Tỉnh Trà Vinh', 'Tra Vinh Province'],
    ],
  },
  {
    into: 'Tỉnh Đồng Tháp',
    from: [
      ['Tỉnh Đồng Tháp', 'Dong Thap Province'],
      ['Tỉnh Tiền Giang', 'Tien Giang Province'],
    ],
  },
  {
    into: 'Tỉnh Cà Mau',
    from: [
      ['Tỉnh Cà Mau', 'Ca Mau Province'],
      ['Tỉnh Bạc Liêu', 'Bac Lieu Province'],
    ],
  },
  {
    into: 'Tỉnh An Giang',
    from: [
      ['Tỉnh An Giang', 'An Giang Province'],
      ['Tỉnh Kiên Giang', 'Kien Giang Province'],
    ],
  },
];

/**
 * The 2025 merger as history: the 52 provincial units that ended on 30 June 2025 (valid_to), one merge
 * event per new unit (valid_from 1 July 2025). Returns the old units' ids by name. Idempotent by code.
 */
export async function seedMerger2025(db: Db): Promise<Map<string, number>> {
  const current = await db
    .select({ id: agencies.id, nameVi: agencies.nameVi })
    .from(agencies)
    .where(and(eq(agencies.level, 'provincial'), isCurrentAgency()));
  const currentId = new Map(current.map((a) => [a.nameVi, a.id]));
  const old = new Map<string, number>();
  const used = new Set<string>();
  const codeOf = (nameVi: string) => {
    let code = `${initials(nameVi)}-2025`;
    for (let n = 2; used.has(code); n++) code = `${initials(nameVi)}${n}-2025`;
    used.add(code);
    return code;
  };
  for (const group of MERGER_2025) {
    const into = currentId.get(group.into);
    if (into === undefined) throw new Error(`Missing provincial unit ${group.into}`);
    const rows = group.from.map(([nameVi, nameEn]) => {
      const code = codeOf(nameVi);
      return {
        code,
        nameVi,
        nameEn,
        kind: nameVi.startsWith('Thành phố') ? ('city' as const) : ('province' as const),
        level: 'provincial' as const,
        searchText: foldVietnamese(`${nameVi} ${nameEn} ${code}`),
        sortKey: vietnameseSortKey(nameVi),
        validTo: LAST_DAY,
      };
    });
    const inserted = await db
      .insert(agencies)
      .values(rows)
      .onConflictDoNothing({ target: agencies.code })
      .returning({ id: agencies.id, nameVi: agencies.nameVi });
    if (inserted.length === 0) continue;
    for (const a of inserted) old.set(a.nameVi, a.id);
    await db.update(agencies).set({ validFrom: MERGER_2025_ON }).where(eq(agencies.id, into));
    const [change] = await db
      .insert(agencyChanges)
      .values({
        kind: 'merge',
        effectiveOn: MERGER_2025_ON,
        note: `Nghị quyết 202/2025/QH15: ${group.from.map(([n]) => n).join(', ')} → ${group.into}`,
      })
      .returning({ id: agencyChanges.id });
    if (!change) throw new Error('agency change not recorded');
    await db
      .insert(agencyChangeLinks)
      .values(inserted.map((a) => ({ changeId: change.id, fromAgencyId: a.id, toAgencyId: into })));
  }
  return old;
}

const HISTORY_DOCUMENT = {
  number: '749/QĐ-TTg',
  kind: 'decision' as const,
  issuedOn: '2020-06-03',
  signer: 'Thủ tướng Chính phủ',
  title: 'Quyết định phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030',
};

/**
 * Tasks the old provinces led and finished before the merger (2024 – June 2025), so that a figure can
 * be shown as recorded (under Hà Giang, Yên Bái…) or re-aggregated to today's units. A random stream of
 * its own: the rest of the demo history is the same with it or without it. Only when `today` is after
 * the merger (a seed dated before it has no such past).
 */
export async function seedMergerHistory(
  db: Db,
  old: ReadonlyMap<string, number>,
  options: { today: string; createdBy: number | null },
): Promise<number> {
  if (options.today <= MERGER_2025_ON || old.size === 0) return 0;
  const random = createRandom(2025_07_01);
  const [doc] = await db
    .insert(documents)
    .values({
      ...HISTORY_DOCUMENT,
      searchText: foldVietnamese(`${HISTORY_DOCUMENT.number} ${HISTORY_DOCUMENT.title}`),
      createdBy: options.createdBy,
      createdAt: vietnamInstant(HISTORY_DOCUMENT.issuedOn, 9),
    })
    .onConflictDoNothing({ target: documents.number })
    .returning({ id: documents.id });
  if (!doc) return 0;
  const values: (typeof tasks.$inferInsert)[] = [];
  const completion: { deadline: string; completedOn: string }[] = [];
  for (const [nameVi, agencyId] of old) {
    const n = random.int(1, 3);
    for (let i = 0; i < n; i++) {
      const groupNo = random.int(1, 9);
      const title = random.pick(TITLES[groupNo] ?? TITLES[1] ?? []).replace('{x}', random.pick(FIELDS));
      const assignedOn = shiftDate('2024-01-15', random.int(0, 240));
      const deadline = shiftDate(assignedOn, random.int(60, 200));
      const late = random.chance(0.3);
      const completedOn = late
        ? shiftDate(deadline, random.int(1, 25))
        : shiftDate(deadline, -random.int(0, 40));
      const done = completedOn < LAST_DAY ? completedOn : LAST_DAY;
      const at = vietnamInstant(assignedOn, 10);
      values.push({
        documentId: doc.id,
        groupNo,
        title,
        description: `Thực hiện theo ${HISTORY_DOCUMENT.number}. ${title} trên phạm vi ${nameVi}.`,
        leadAgencyId: agencyId,
        deadline,
        originalDeadline: deadline,
        priority: 'normal',
        isKey: random.chance(0.2),
        latestPercent: 100,
        searchText: foldVietnamese(`${title} ${HISTORY_DOCUMENT.number}`),
        createdBy: options.createdBy,
        createdAt: at,
        updatedAt: at,
      });
      completion.push({ deadline, completedOn: done > assignedOn ? done : shiftDate(assignedOn, 1) });
    }
  }
  const inserted = await db.insert(tasks).values(values).returning({ id: tasks.id });
  const events: TaskEvent[] = inserted.flatMap((t, i) => {
    const c = completion[i];
    return c
      ? [{ taskId: t.id, at: vietnamInstant(c.completedOn, 16), change: { completedOn: c.completedOn } }]
      : [];
  });
  await replayTaskEvents(db, events);
  return inserted.length;
}
