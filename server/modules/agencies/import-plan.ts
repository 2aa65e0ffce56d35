import {
  type AgencyChangeKind,
  type AgencyKind,
  type AgencyLevel,
  isProvinceChildLevel,
  LEVEL_OF_KIND,
} from '../../../shared/agencies';
import type { AgencyImportReport } from '../../../shared/schemas/agencies';
import { shiftDate } from '../../../shared/time';
import type { LineProblem, UnitLine } from './unit-csv';

/** A unit already in the database, as the import compares it. */
export interface ExistingUnit {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: AgencyKind;
  level: AgencyLevel;
  parentCode: string | null;
  validTo: string | null;
}

export interface ImportPlan {
  problems: LineProblem[];
  /** New units, parents before children, with the first day they exist (null: not stated). */
  add: (UnitLine & { validFrom: string | null })[];
  rename: { code: string; nameVi: string; nameEn: string; fromVi: string }[];
  move: { code: string; parentCode: string | null; fromParent: string | null }[];
  expire: { code: string; nameVi: string; validTo: string }[];
  changes: { kind: AgencyChangeKind; effectiveOn: string; from: string[]; to: string[] }[];
  unchanged: number;
}

/**
 * What importing a unit list would change, decided without writing (the preview and the apply share
 * it): units matched by code; a new code is added, a changed name renamed in place, a changed parent
 * moved, a `valid_to` ends the unit. `replaces` records who a unit succeeds: several predecessors make a
 * merger, one predecessor replaced by several units a split, one by one a rename (a new code). A
 * predecessor ends the day before its successor begins (unless the file gives its last day).
 * Units absent from the file are left as they are.
 */
export function planAgencyImport(
  existing: readonly ExistingUnit[],
  units: readonly UnitLine[],
  effectiveOn: string,
): ImportPlan {
  const problems: LineProblem[] = [];
  const byCode = new Map(existing.map((e) => [e.code, e]));
  const inFile = new Map(units.map((u) => [u.code, u]));
  const currentAfter = (code: string): boolean => {
    const u = inFile.get(code);
    if (u) return u.validTo === null;
    const e = byCode.get(code);
    return e !== undefined && e.validTo === null;
  };
  const levelOf = (code: string): AgencyLevel | undefined => {
    const u = inFile.get(code);
    return u ? LEVEL_OF_KIND[u.kind] : byCode.get(code)?.level;
  };
  for (const u of units) {
    const level = LEVEL_OF_KIND[u.kind];
    const before = byCode.get(u.code);
    if (before && before.level !== level)
      problems.push({ line: u.line, field: 'kind', reason: 'levelChange' });
    if (isProvinceChildLevel(level)) {
      if (!u.parentCode) problems.push({ line: u.line, field: 'parent_code', reason: 'parentRequired' });
      else if (!levelOf(u.parentCode) || (u.validTo === null && !currentAfter(u.parentCode)))
        problems.push({ line: u.line, field: 'parent_code', reason: 'unknownParent' });
      else if (levelOf(u.parentCode) !== 'provincial')
        problems.push({ line: u.line, field: 'parent_code', reason: 'parentNotProvincial' });
    } else if (u.parentCode) problems.push({ line: u.line, field: 'parent_code', reason: 'noParentAllowed' });
    for (const p of u.replaces)
      if (!byCode.has(p) && !inFile.has(p))
        problems.push({ line: u.line, field: 'replaces', reason: 'unknownPredecessor' });
  }
  const plan: ImportPlan = { problems, add: [], rename: [], move: [], expire: [], changes: [], unchanged: 0 };
  if (problems.length) return plan;

  const startOf = (u: UnitLine) => u.validFrom ?? (u.replaces.length ? effectiveOn : null);
  const firstDayOf = (list: readonly UnitLine[]) =>
    list.map((s) => startOf(s) ?? effectiveOn).sort()[0] ?? effectiveOn;
  const successors = new Map<string, UnitLine[]>();
  for (const u of units) for (const p of u.replaces) successors.set(p, [...(successors.get(p) ?? []), u]);
  const ends = new Map<string, string>();
  for (const u of units) {
    const before = byCode.get(u.code);
    if (u.validTo && before && before.validTo !== u.validTo) ends.set(u.code, u.validTo);
  }
  for (const [p, succ] of successors) {
    if (ends.has(p) || inFile.get(p)?.validTo || byCode.get(p)?.validTo) continue;
    ends.set(p, shiftDate(firstDayOf(succ), -1));
  }
  // New units: parents (central and provincial) before their communes and departments.
  const added = units.filter((u) => !byCode.has(u.code));
  plan.add = [
    ...added.filter((u) => !isProvinceChildLevel(LEVEL_OF_KIND[u.kind])),
    ...added.filter((u) => isProvinceChildLevel(LEVEL_OF_KIND[u.kind])),
  ].map((u) => ({ ...u, validFrom: startOf(u) }));
  for (const u of units) {
    const before = byCode.get(u.code);
    if (!before) continue;
    let changed = ends.has(u.code);
    if (before.nameVi !== u.nameVi || before.nameEn !== u.nameEn) {
      plan.rename.push({ code: u.code, nameVi: u.nameVi, nameEn: u.nameEn, fromVi: before.nameVi });
      changed = true;
    }
    if (before.parentCode !== u.parentCode) {
      plan.move.push({ code: u.code, parentCode: u.parentCode, fromParent: before.parentCode });
      changed = true;
    }
    if (!changed && u.replaces.length === 0) plan.unchanged++;
  }
  for (const [code, validTo] of ends) {
    plan.expire.push({ code, nameVi: inFile.get(code)?.nameVi ?? byCode.get(code)?.nameVi ?? code, validTo });
  }
  // The events: a split per predecessor replaced by several units, a merger or rename per successor.
  for (const [p, succ] of successors) {
    if (succ.length > 1)
      plan.changes.push({
        kind: 'split',
        effectiveOn: firstDayOf(succ),
        from: [p],
        to: succ.map((s) => s.code),
      });
  }
  for (const u of units) {
    const [only, ...more] = u.replaces;
    if (only === undefined) continue;
    if (more.length === 0 && (successors.get(only)?.length ?? 0) > 1) continue;
    plan.changes.push({
      kind: more.length ? 'merge' : 'rename',
      effectiveOn: startOf(u) ?? effectiveOn,
      from: u.replaces,
      to: [u.code],
    });
  }
  return plan;
}

/** The plan as the procedure reports it. */
export function importReport(plan: ImportPlan, applied: boolean): AgencyImportReport {
  return {
    applied,
    problems: plan.problems,
    added: plan.add.map((u) => ({ code: u.code, nameVi: u.nameVi })),
    renamed: plan.rename.map((r) => ({ code: r.code, from: r.fromVi, to: r.nameVi })),
    moved: plan.move.map((m) => ({ code: m.code, fromParent: m.fromParent, toParent: m.parentCode })),
    expired: plan.expire,
    changes: plan.changes,
    unchanged: plan.unchanged,
  };
}
