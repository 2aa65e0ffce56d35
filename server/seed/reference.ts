import { sql } from 'drizzle-orm';
import { type AgencyKind, LEVEL_OF_KIND } from '../../shared/agencies';
import { foldVietnamese, vietnameseSortKey } from '../../shared/text';
import type { Db } from '../db/client';
import { agencies, kpis, kpiTargets, taskGroups } from '../db/schema';
import { generateCommunes } from './communes';
import { generateDepartments } from './departments';
import agencyList from './reference/agencies.json' with { type: 'json' };
import kpiCatalog from './reference/kpi-catalog.json' with { type: 'json' };
import { seedReportingReference } from './templates';

export interface AgencyRow {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: AgencyKind;
  parentCode?: string;
}

export function initials(name: string): string {
  return foldVietnamese(name)
    .split(/[\s,]+/)
    .filter((w) => w && w !== 'va')
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** Central and provincial units from the reference list, with stable codes derived from their names. */
export function referenceAgencies(): AgencyRow[] {
  const rows: AgencyRow[] = [];
  const used = new Set<string>();
  const add = (items: { vi: string; en: string }[], kind: AgencyKind) => {
    for (const item of items) {
      let code = initials(item.vi);
      for (let n = 2; used.has(code); n++) code = `${initials(item.vi)}${n}`;
      used.add(code);
      rows.push({ code, nameVi: item.vi, nameEn: item.en, kind });
    }
  };
  add(agencyList.ministries, 'ministry');
  add(agencyList.ministryLevelAgencies, 'ministry_level');
  add(agencyList.governmentAgencies, 'government_agency');
  add(agencyList.centrallyRunCities, 'city');
  add(agencyList.provinces, 'province');
  return rows;
}

export const taskGroupList = kpiCatalog.taskGroups;
export const kpiList = kpiCatalog.kpis;
export const program = kpiCatalog.program;

/** Inserts agencies (and their parents first) in batches; existing codes are left as they are. */
export async function importAgencies(db: Db, rows: readonly AgencyRow[]): Promise<number> {
  let inserted = 0;
  const codes = new Map<string, number>();
  const existing = await db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  for (const a of existing) codes.set(a.code, a.id);
  const parents = rows.filter((r) => !r.parentCode);
  const children = rows.filter((r) => r.parentCode);
  for (const group of [parents, children]) {
    for (let i = 0; i < group.length; i += 500) {
      const batch = group.slice(i, i + 500).map((r) => {
        const parentId = r.parentCode ? codes.get(r.parentCode) : undefined;
        if (r.parentCode && parentId === undefined) throw new Error(`Unknown parent agency ${r.parentCode}`);
        return {
          code: r.code,
          nameVi: r.nameVi,
          nameEn: r.nameEn,
          kind: r.kind,
          level: LEVEL_OF_KIND[r.kind],
          parentId: parentId ?? null,
          searchText: foldVietnamese(`${r.nameVi} ${r.nameEn} ${r.code}`),
          sortKey: vietnameseSortKey(r.nameVi),
        };
      });
      if (batch.length === 0) continue;
      const result = await db
        .insert(agencies)
        .values(batch)
        .onConflictDoNothing({ target: agencies.code })
        .returning({ id: agencies.id, code: agencies.code });
      for (const a of result) codes.set(a.code, a.id);
      inserted += result.length;
    }
  }
  return inserted;
}

/**
 * Reference data every deployment needs: agencies (each province with its departments and `communes`
 * commune-level units), task groups, KPIs and their targets. Idempotent.
 */
export async function seedReference(db: Db, options: { communes: number }): Promise<void> {
  const central = referenceAgencies();
  const provincial = central.filter((a) => a.kind === 'city' || a.kind === 'province');
  const communes = generateCommunes(provincial, options.communes).map((c) => ({
    code: c.code,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    kind: c.kind,
    parentCode: c.provinceCode,
  }));
  const departments = generateDepartments(provincial).map((d) => ({
    code: d.code,
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    kind: d.kind,
    parentCode: d.provinceCode,
  }));
  // Departments after the communes: the communes keep the ids they had before departments existed.
  await importAgencies(db, [...central, ...communes, ...departments]);

  await db
    .insert(taskGroups)
    .values(taskGroupList.map((g) => ({ no: g.no, nameVi: g.vi, nameEn: g.en })))
    .onConflictDoNothing();
  await db
    .insert(kpis)
    .values(
      kpiList.map((k, i) => ({
        code: k.code,
        pillar: k.pillar,
        unit: k.unit,
        nameVi: k.vi,
        nameEn: k.en,
        sortOrder: i + 1,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(kpiTargets)
    .values(kpiList.flatMap((k) => k.targets.map((t) => ({ kpiCode: k.code, year: t.year, value: t.value }))))
    .onConflictDoNothing();
  await seedReportingReference(db);
  await db.execute(sql`analyze agencies`);
}
