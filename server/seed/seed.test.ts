import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutoffMonth } from '../../shared/reporting-periods';
import { ROLES } from '../../shared/roles';
import { vietnamDate, vietnamInstant } from '../../shared/time';
import { evaluateRules, systemFigure } from '../../shared/validation-rules';
import type { Database } from '../db/client';
import { selectRows } from '../db/rows';
import {
  agencies,
  auditLog,
  documents,
  holidays,
  kpis,
  kpiTargets,
  progressUpdates,
  reportTemplates,
  submissionRevisions,
  submissions,
  taskGroups,
  tasks,
  templateFields,
  users,
} from '../db/schema';
import { isCurrentAgency } from '../modules/agencies/current';
import { loadSuccessors } from '../modules/agencies/lineage';
import { auditKeysFrom } from '../modules/audit/keys';
import { verifyAuditTrail } from '../modules/audit/service';
import { getMonthlyReport } from '../modules/reports/monthly';
import { loadTemplate } from '../modules/templates/queries';
import { testConfig } from '../test/app';
import { createTestDatabase } from '../test/db';
import { validToBreaches } from '../test/task-states';
import { type GeneratedCommune, generateCommunes, REAL_COMMUNE_TOTAL } from './communes';
import { seedDemo } from './demo';
import { DEPARTMENTS, generateDepartments } from './departments';
import { seedIfEmpty } from './index';
import { referenceAgencies, seedReference } from './reference';

describe('demo seed', () => {
  let database: Database;
  // Seeded as at the real clock: every timestamp it writes can then be compared with its run.
  const now = new Date();
  const today = vietnamDate(now);
  let seedEnded: Date;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('adds demo users for every role, documents, tasks and months of progress', async () => {
    const result = await seedIfEmpty(database.db, { communes: 68, demo: true, today, now });
    seedEnded = new Date();
    expect(result.seeded).toBe(true);
    expect(new Set(result.logins.map((l) => l.role))).toEqual(new Set(ROLES));
    const [docCount] = await database.db.select({ n: count() }).from(documents);
    const [taskCount] = await database.db.select({ n: count() }).from(tasks);
    const [progressCount] = await database.db.select({ n: count() }).from(progressUpdates);
    expect(docCount?.n).toBeGreaterThanOrEqual(5);
    expect(taskCount?.n).toBeGreaterThanOrEqual(200);
    expect(progressCount?.n).toBeGreaterThan(taskCount?.n ?? 0);
    const [program] = await database.db.select().from(documents).where(eq(documents.number, '2629/QĐ-TTg'));
    expect(program?.title).toContain('Chính phủ số');
    // Outside production the demo password stays usable (the production seed: below).
    const [mustChange] = await database.db
      .select({ n: count() })
      .from(users)
      .where(eq(users.mustChangePassword, true));
    expect(mustChange?.n).toBe(0);
  });

  it('writes the audit trail of the history it made, in time order, with a chain that verifies', async () => {
    const verification = await verifyAuditTrail(database.db, { keys: auditKeysFrom(testConfig()) });
    expect(verification.ok).toBe(true);
    const [taskCount] = await database.db.select({ n: count() }).from(tasks);
    const [progressCount] = await database.db.select({ n: count() }).from(progressUpdates);
    expect(verification.checked).toBeGreaterThan((taskCount?.n ?? 0) + (progressCount?.n ?? 0));
    const [accepted] = await database.db
      .select({ id: submissions.id })
      .from(submissions)
      .where(eq(submissions.state, 'accepted'))
      .limit(1);
    const trail = await database.db
      .select({ action: auditLog.action, at: auditLog.at, role: auditLog.role })
      .from(auditLog)
      .where(sql`${auditLog.entityType} = 'submission' and ${auditLog.entityId} = ${String(accepted?.id)}`)
      .orderBy(auditLog.id);
    expect(trail.map((e) => e.action)).toEqual([
      'submission.submit',
      'submission.leader_accept',
      'submission.accepted',
    ]);
    expect(trail.map((e) => e.role)).toEqual(['officer', 'leader', 'office']);
    const times = trail.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('gives every screen something true: overdue, due later, no deadline, completed, stale', async () => {
    const [row] = await database.db
      .select({
        overdue:
          sql<number>`count(*) filter (where ${tasks.deadline} < ${today} and ${tasks.completedOn} is null)`.mapWith(
            Number,
          ),
        open: sql<number>`count(*) filter (where ${tasks.deadline} >= ${today} and ${tasks.completedOn} is null)`.mapWith(
          Number,
        ),
        noDeadline: sql<number>`count(*) filter (where ${tasks.deadline} is null)`.mapWith(Number),
        completed: sql<number>`count(*) filter (where ${tasks.completedOn} is not null)`.mapWith(Number),
        future: sql<number>`count(*) filter (where ${tasks.completedOn} > ${today})`.mapWith(Number),
        stale:
          sql<number>`count(*) filter (where ${tasks.completedOn} is null and ${tasks.lastLeadUpdateAt} < now() - interval '30 days')`.mapWith(
            Number,
          ),
      })
      .from(tasks);
    expect(row?.overdue).toBeGreaterThan(0);
    expect(row?.open).toBeGreaterThan(0);
    expect(row?.noDeadline).toBeGreaterThan(0);
    expect(row?.completed).toBeGreaterThan(0);
    expect(row?.future).toBe(0);
  });

  it('seeds figures that pass their rules: no error, every warning explained, task counts as the system holds them', async () => {
    const rows = await database.db
      .select({
        templateId: submissions.templateId,
        agencyId: submissions.agencyId,
        periodEnd: submissions.periodEnd,
        state: submissions.state,
        values: submissionRevisions.values,
        explanations: submissionRevisions.explanations,
      })
      .from(submissions)
      .innerJoin(submissionRevisions, eq(submissionRevisions.submissionId, submissions.id))
      .orderBy(submissions.periodEnd);
    expect(rows.length).toBeGreaterThan(100);
    const templates = new Map<number, Awaited<ReturnType<typeof loadTemplate>>>();
    const counts = new Map<string, Map<number, Parameters<typeof systemFigure>[1]>>();
    const lastAccepted = new Map<string, Record<string, unknown>>();
    const warned: Record<string, number> = {};
    let differences = 0;
    for (const row of rows) {
      const template = templates.get(row.templateId) ?? (await loadTemplate(database.db, row.templateId));
      templates.set(row.templateId, template);
      const month = cutoffMonth({ end: row.periodEnd });
      if (!counts.has(month)) {
        const report = await getMonthlyReport(database.db, month, vietnamInstant(today, 12));
        counts.set(month, new Map(report.byAgency.map((a) => [a.agencyId, a])));
      }
      const systemValues: Record<string, number> = {};
      for (const f of template.fields) {
        if (!f.systemSource) continue;
        const held = counts.get(month)?.get(row.agencyId);
        systemValues[f.code] = held ? systemFigure(f.systemSource, held) : 0;
        if (row.values[f.code] !== systemValues[f.code]) differences++;
      }
      const key = `${template.template.code}|${row.agencyId}`;
      const issues = evaluateRules(template.fields, template.template.validationRules, row.values, {
        previousValues: lastAccepted.get(key) ?? null,
        systemValues,
      });
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      for (const issue of issues) {
        expect(row.explanations[issue.code]?.trim(), issue.code).toBeTruthy();
        warned[issue.kind] = (warned[issue.kind] ?? 0) + 1;
      }
      if (row.state === 'accepted') lastAccepted.set(key, row.values);
    }
    // The monthly report's counts are the system's; a deliberate difference comes with its explanation.
    expect(differences).toBe(warned.source ?? 0);
    expect(warned.source).toBeGreaterThan(0);
    const monthly = [...templates.values()].find((t) => t.template.code === 'BC-NV-THANG');
    expect(monthly?.fields.filter((f) => f.systemSource).map((f) => f.code)).toEqual([
      'tasks_assigned',
      'tasks_completed',
      'tasks_overdue',
    ]);
  });

  it('writes nothing dated after the time it ran: every timestamp of every table, every record date', async () => {
    const columns = await selectRows<{ table_name: string; column_name: string; data_type: string }>(
      database.db,
      sql`select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and data_type in ('timestamp with time zone', 'timestamp without time zone')
        order by table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const later: string[] = [];
    for (const c of columns) {
      const [row] = await selectRows<{ latest: string | null }>(
        database.db,
        sql`select max(${sql.identifier(c.column_name)})::text as latest from ${sql.identifier(c.table_name)}
          where ${sql.identifier(c.column_name)} > ${seedEnded.toISOString()}`,
      );
      if (row?.latest) later.push(`${c.table_name}.${c.column_name} = ${row.latest}`);
    }
    expect(later).toEqual([]);
    // Dates that record what happened (not deadlines or periods, which may lie ahead).
    const [dates] = await selectRows<{ n: number }>(
      database.db,
      sql`select ((select count(*) from tasks where completed_on > ${today})
        + (select count(*) from completion_reports where completion_date > ${today})
        + (select count(*) from documents where issued_on > ${today}))::int as n`,
    );
    expect(dates?.n).toBe(0);
  });

  it('records each task’s history as it happened: assigned, extended, completed, withdrawn, ending in its present state', async () => {
    const [history] = await selectRows<{
      tasks: number;
      first_is_assigned: number;
      last_is_current: number;
      extended: number;
      completed: number;
      withdrawn: number;
    }>(
      database.db,
      sql`with f as (
          select distinct on (task_id) * from task_states order by task_id, valid_from
        ), l as (
          select distinct on (task_id) * from task_states order by task_id, valid_from desc
        )
        select count(*)::int as tasks,
          (count(*) filter (where f.valid_from = t.created_at and f.deadline is not distinct from t.original_deadline
            and f.completed_on is null and not f.withdrawn))::int as first_is_assigned,
          (count(*) filter (where l.deadline is not distinct from t.deadline and l.completed_on is not distinct from t.completed_on
            and l.withdrawn = t.withdrawn and l.lead_agency_id = t.lead_agency_id and l.valid_from = t.updated_at))::int as last_is_current,
          (count(*) filter (where t.deadline <> t.original_deadline))::int as extended,
          (count(*) filter (where t.completed_on is not null))::int as completed,
          (count(*) filter (where t.withdrawn))::int as withdrawn
        from tasks t join f on f.task_id = t.id join l on l.task_id = t.id`,
    );
    const [taskCount] = await database.db.select({ n: count() }).from(tasks);
    expect(history?.tasks).toBe(taskCount?.n);
    expect(history?.first_is_assigned).toBe(taskCount?.n);
    expect(history?.last_is_current).toBe(taskCount?.n);
    expect(history?.extended).toBeGreaterThan(0);
    expect(history?.completed).toBeGreaterThan(0);
    expect(history?.withdrawn).toBeGreaterThan(0);
    // Each state after the assignment is a change (an extension, a completion, a withdrawal), none a repeat.
    const [changes] = await selectRows<{ n: number; repeats: number }>(
      database.db,
      sql`select (count(*) filter (where previous is not null))::int as n,
          (count(*) filter (where previous = present))::int as repeats
        from (select row(deadline, completed_on, withdrawn, lead_agency_id)::text as present,
            lag(row(deadline, completed_on, withdrawn, lead_agency_id)::text) over (partition by task_id order by valid_from) as previous
          from task_states) s`,
    );
    const h = { extended: 0, completed: 0, withdrawn: 0, ...history };
    expect(changes?.repeats).toBe(0);
    expect(changes?.n).toBeGreaterThanOrEqual(Math.max(h.extended, h.completed, h.withdrawn));
    expect(changes?.n).toBeLessThanOrEqual(h.extended + h.completed + h.withdrawn);
  });

  it('closes each state of the history at the next one’s instant, the present one left open', async () => {
    expect(await validToBreaches(database.db)).toEqual({ wrong: 0, notOneOpen: 0, noState: 0 });
  });

  it('does not seed again on a database that has users', async () => {
    const again = await seedIfEmpty(database.db, { communes: 68, demo: true, today });
    expect(again.seeded).toBe(false);
  });

  it('is deterministic: the same date and instant give the same history', async () => {
    const other = await createTestDatabase();
    await seedIfEmpty(other.db, { communes: 68, demo: true, today, now });
    const digest = async (d: Database) =>
      [
        ...(
          await d.db
            .select({ title: tasks.title, deadline: tasks.deadline, withdrawn: tasks.withdrawn })
            .from(tasks)
            .orderBy(tasks.id)
        ).map((r) => `${r.title}|${r.deadline}|${r.withdrawn}`),
        ...(
          await d.db
            .select({ values: submissionRevisions.values, explanations: submissionRevisions.explanations })
            .from(submissionRevisions)
            .orderBy(submissionRevisions.id)
        ).map((r) => JSON.stringify(r)),
        ...(
          await selectRows<{ row: string }>(
            d.db,
            sql`select concat_ws('|', task_id, valid_from, deadline, completed_on, withdrawn) as row
              from task_states order by task_id, valid_from`,
          )
        ).map((r) => r.row),
      ].join('\n');
    expect(await digest(other)).toBe(await digest(database));
    await other.close();
    // A second whole demo seed: seconds alone, far longer on a PostgreSQL server busy with other work.
  }, 180_000);

  it('seeds the 2025 merger as history: 23 merge events into current units, tasks the old provinces finished', async () => {
    const [events] = await selectRows<{
      changes: number;
      links: number;
      into_current: number;
      from_ended: number;
    }>(
      database.db,
      sql`select count(distinct c.id)::int as changes, count(*)::int as links,
            count(*) filter (where t.valid_to is null and t.valid_from = '2025-07-01')::int as into_current,
            count(*) filter (where f.valid_to = '2025-06-30')::int as from_ended
          from agency_changes c join agency_change_links l on l.change_id = c.id
          join agencies f on f.id = l.from_agency_id join agencies t on t.id = l.to_agency_id
          where c.kind = 'merge' and c.effective_on = '2025-07-01'`,
    );
    expect(events).toEqual({ changes: 23, links: 52, into_current: 52, from_ended: 52 });
    const [history] = await selectRows<{ n: number; open: number; late: number }>(
      database.db,
      sql`select count(*)::int as n, count(*) filter (where t.completed_on is null)::int as open,
            count(*) filter (where t.completed_on > '2025-06-30')::int as late
          from tasks t join agencies a on a.id = t.lead_agency_id where a.valid_to is not null`,
    );
    expect(history?.n).toBeGreaterThan(52);
    expect(history).toMatchObject({ open: 0, late: 0 });
    // Tuyên Quang today includes Hà Giang's tasks (shared/agency-lineage.ts through loadSuccessors).
    const successors = await loadSuccessors(database.db);
    const [haGiang] = await database.db.select().from(agencies).where(eq(agencies.nameVi, 'Tỉnh Hà Giang'));
    const [tuyenQuang] = await database.db
      .select()
      .from(agencies)
      .where(and(eq(agencies.nameVi, 'Tỉnh Tuyên Quang'), isCurrentAgency()));
    expect(successors.get(haGiang?.id ?? 0)).toBe(tuyenQuang?.id);
  });

  it('loaded the reference catalog: nine task groups, 20 KPIs with targets', async () => {
    const [groups] = await database.db.select({ n: count() }).from(taskGroups);
    const [kpiCount] = await database.db.select({ n: count() }).from(kpis);
    const [targets] = await database.db.select({ n: count() }).from(kpiTargets);
    expect(groups?.n).toBe(9);
    expect(kpiCount?.n).toBe(20);
    expect(targets?.n).toBeGreaterThanOrEqual(20);
    const top = await database.db
      .select({ n: count() })
      .from(agencies)
      .where(and(isNull(agencies.parentId), isCurrentAgency()));
    expect(top[0]?.n).toBe(59);
    // …and, as history, the 63 provincial units of before 1 July 2025: 52 merged away, 11 the same unit.
    const [ended] = await database.db
      .select({ n: count() })
      .from(agencies)
      .where(isNotNull(agencies.validTo));
    expect(ended?.n).toBe(52);
    const [usersCount] = await database.db.select({ n: count() }).from(users);
    expect(usersCount?.n).toBeGreaterThan(50);
  });

  it("gives every province its departments, counted as neither provinces nor communes; Hà Nội's demo department has tasks of the city", async () => {
    const levels = await database.db
      .select({ level: agencies.level, n: count() })
      .from(agencies)
      .where(isCurrentAgency())
      .groupBy(agencies.level);
    expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toEqual({
      central: 25,
      provincial: 34,
      department: 34 * DEPARTMENTS.length,
      commune: 68,
    });
    // Each under a province of today, coded `<province>-Snn`.
    const [misplaced] = await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from agencies d left join agencies p on p.id = d.parent_id
          where d.level = 'department' and (p.level is distinct from 'provincial' or p.valid_to is not null
            or d.kind <> 'department' or d.code <> p.code || '-S' || lpad(
              (select count(*) from agencies e where e.parent_id = d.parent_id and e.level = 'department' and e.code <= d.code)::text, 2, '0'))`,
    );
    expect(misplaced?.n).toBe(0);
    const [officer] = await selectRows<{ role: string; agency: string; parent: string }>(
      database.db,
      sql`select u.role, a.name_vi as agency, p.name_vi as parent from users u
          join agencies a on a.id = u.agency_id join agencies p on p.id = a.parent_id
          where u.username = 'hanoi.sokhcn'`,
    );
    expect(officer).toEqual({
      role: 'officer',
      agency: 'Sở Khoa học và Công nghệ thành phố Hà Nội',
      parent: 'Thành phố Hà Nội',
    });
    const given = await selectRows<{ lead: string; issuer: string; part: boolean; percent: number }>(
      database.db,
      sql`select l.name_vi as lead, i.name_vi as issuer, t.parent_task_id is not null as part,
            t.latest_percent as percent
          from tasks t join agencies l on l.id = t.lead_agency_id join agencies i on i.id = t.issuer_agency_id
          where l.level = 'department' order by t.id`,
    );
    expect(given.map((g) => [g.lead, g.issuer, g.part])).toEqual([
      ['Sở Khoa học và Công nghệ thành phố Hà Nội', 'Thành phố Hà Nội', false],
      ['Sở Nội vụ thành phố Hà Nội', 'Thành phố Hà Nội', false],
      ['Sở Khoa học và Công nghệ thành phố Hà Nội', 'Thành phố Hà Nội', true],
    ]);
    expect(given[0]?.percent).toBe(40);
  });
});

describe('reporting reference data', () => {
  it('has the holiday calendar and the two regimes, whose KPI fields come in numerator/denominator pairs', async () => {
    const database = await createTestDatabase();
    const [holidayCount] = await database.db.select({ n: count() }).from(holidays);
    expect(holidayCount?.n).toBeGreaterThanOrEqual(30);
    const templates = await database.db.select().from(reportTemplates);
    expect(templates.map((t) => t.code).sort()).toEqual(['BC-CPS-QUY', 'BC-NV-THANG']);
    const quarterly = templates.find((t) => t.code === 'BC-CPS-QUY');
    const fields = await database.db
      .select()
      .from(templateFields)
      .where(eq(templateFields.templateId, quarterly?.id ?? 0));
    const numerators = fields.filter((f) => f.kpiRole === 'numerator').map((f) => f.kpiCode);
    const denominators = fields.filter((f) => f.kpiRole === 'denominator').map((f) => f.kpiCode);
    expect(numerators.length).toBeGreaterThanOrEqual(10);
    expect(numerators.sort()).toEqual(denominators.sort());
    await database.close();
  });
});

describe('generated communes', () => {
  const provinces = referenceAgencies().filter((a) => a.kind === 'city' || a.kind === 'province');
  const tally = (units: readonly GeneratedCommune[]) => {
    const kinds: Record<string, number> = {};
    for (const c of units) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    return kinds;
  };
  const provinceOf = (units: readonly GeneratedCommune[], name: string) => {
    const code = provinces.find((p) => p.nameVi === name)?.code;
    return units.filter((c) => c.provinceCode === code);
  };

  it("makes the country's 3,321 units: 2,621 communes, 687 wards, 13 special zones, with unique codes", () => {
    const communes = generateCommunes(provinces, 3321);
    expect(REAL_COMMUNE_TOTAL).toBe(3321);
    expect(communes).toHaveLength(3321);
    expect(new Set(communes.map((c) => c.code)).size).toBe(3321);
    expect(new Set(communes.map((c) => c.provinceCode)).size).toBe(34);
    expect(tally(communes)).toEqual({ commune: 2621, ward: 687, special_zone: 13 });
    for (const c of communes.slice(0, 50)) expect(c.nameVi).toMatch(/^(Xã|Phường|Đặc khu) \p{Lu}/u);
  });

  it('gives each province its real units, and the special zones on the island units where they are', () => {
    const communes = generateCommunes(provinces, 3321);
    expect(tally(provinceOf(communes, 'Thành phố Hà Nội'))).toEqual({ commune: 75, ward: 51 });
    expect(tally(provinceOf(communes, 'Thành phố Hồ Chí Minh'))).toEqual({
      commune: 54,
      ward: 113,
      special_zone: 1,
    });
    expect(provinceOf(communes, 'Thành phố Hồ Chí Minh').find((c) => c.kind === 'special_zone')?.nameVi).toBe(
      'Đặc khu Côn Đảo',
    );
    const zones = (name: string) =>
      provinceOf(communes, name)
        .filter((c) => c.kind === 'special_zone')
        .map((c) => c.nameVi)
        .sort();
    expect(zones('Tỉnh An Giang')).toEqual(['Đặc khu Kiên Hải', 'Đặc khu Phú Quốc', 'Đặc khu Thổ Châu']);
    expect(zones('Tỉnh Quảng Ninh')).toEqual(['Đặc khu Cô Tô', 'Đặc khu Vân Đồn']);
    expect(zones('Tỉnh Lai Châu')).toEqual([]);
    expect(provinceOf(communes, 'Tỉnh Thanh Hóa')).toHaveLength(166);
  });

  it('makes fewer on request, each province its share of its own real units', () => {
    const few = generateCommunes(provinces, 68);
    expect(few).toHaveLength(68);
    const hanoi = provinceOf(few, 'Thành phố Hà Nội');
    expect(hanoi.length).toBeGreaterThanOrEqual(2);
    expect(hanoi.every((c) => c.kind !== 'special_zone')).toBe(true);
    expect(generateCommunes(provinces.slice(0, 2), 10)).toHaveLength(10);
    expect(generateCommunes(provinces, 0)).toHaveLength(0);
    expect(() => generateCommunes([{ code: 'X', nameVi: 'Tỉnh Không Có' }], 5)).toThrow(/Tỉnh Không Có/);
  });
});

describe('generated departments', () => {
  it('names each after its province and codes it by its place in the list, the same every time', () => {
    const provinces = referenceAgencies().filter((a) => a.kind === 'city' || a.kind === 'province');
    const departments = generateDepartments(provinces);
    expect(departments).toHaveLength(34 * DEPARTMENTS.length);
    expect(new Set(departments.map((d) => d.code)).size).toBe(departments.length);
    const hanoi = provinces.find((p) => p.nameVi === 'Thành phố Hà Nội');
    const laiChau = provinces.find((p) => p.nameVi === 'Tỉnh Lai Châu');
    expect(departments.find((d) => d.code === `${hanoi?.code}-S06`)).toMatchObject({
      nameVi: 'Sở Khoa học và Công nghệ thành phố Hà Nội',
      nameEn: 'Department of Science and Technology, Hanoi',
    });
    expect(departments.find((d) => d.code === `${laiChau?.code}-S02`)?.nameVi).toBe(
      'Thanh tra tỉnh Lai Châu',
    );
    // Communes are coded `<province>-001`…: the two never meet.
    expect(departments.every((d) => /-S\d{2}$/.test(d.code))).toBe(true);
    expect(generateDepartments(provinces)).toEqual(departments);
  });
});

describe('demo accounts in production', () => {
  it('must each choose a new password at first login (the demo password is published)', async () => {
    const database = await createTestDatabase();
    try {
      // A small history: the accounts are the subject.
      await seedReference(database.db, { communes: 0 });
      await seedDemo(database.db, { today: vietnamDate(new Date()), tasks: 5, mustChangePassword: true });
      const rows = await database.db
        .select({ must: users.mustChangePassword, n: count() })
        .from(users)
        .groupBy(users.mustChangePassword);
      expect(rows).toEqual([{ must: true, n: expect.any(Number) }]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
