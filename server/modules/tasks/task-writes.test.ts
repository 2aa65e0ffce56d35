import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, newKey, ok, startCast, type TaskSpec, today } from '../../test/tasks';

/** No write is lost or doubled: idempotency keys, versions, and the task's life from assignment to completion. */
describe('task writes', () => {
  let c: Cast;

  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  describe('the same idempotency key makes one record', () => {
    const WRITES = [
      {
        name: 'progress update',
        path: 'tasks.postProgress',
        table: 'progress',
        input: (taskId: number, key: string) => ({
          taskId,
          percent: 35,
          narrative: 'Đã hoàn thành dự thảo',
          idempotencyKey: key,
        }),
      },
      {
        name: 'extension request',
        path: 'tasks.requestExtension',
        table: 'extensions',
        input: (taskId: number, key: string) => ({
          taskId,
          requestedDeadline: today(90),
          reason: 'Chờ thẩm định',
          idempotencyKey: key,
        }),
      },
      {
        name: 'completion report',
        path: 'tasks.reportCompletion',
        table: 'completions',
        input: (taskId: number, key: string) => ({
          taskId,
          result: 'Đã ban hành',
          completionDate: today(),
          idempotencyKey: key,
        }),
      },
    ] as const;

    it.each(WRITES)('$name sent twice, one after the other', async ({ path, table, input }) => {
      const taskId = await c.newTask();
      const key = newKey('twice');
      const before = await c.snapshot();
      const first = ok(await c.mutate('leadOfficer', path, input(taskId, key)));
      const second = ok(await c.mutate('leadOfficer', path, input(taskId, key)));
      expect(first.duplicate).toBe(false);
      expect(second).toEqual({ id: first.id, duplicate: true });
      const after = await c.snapshot();
      expect(after[table]).toBe((before[table] as number) + 1);
      expect(after.audit).toBe((before.audit as number) + 1);
    });

    it.each(WRITES)(
      '$name: the same key with other content is refused with 409 and saves nothing',
      async ({ path, table, input }) => {
        const taskId = await c.newTask();
        const otherTask = await c.newTask();
        const key = newKey('reused');
        const first = ok(await c.mutate('leadOfficer', path, input(taskId, key)));
        expect(first.duplicate).toBe(false);
        const before = await c.snapshot();
        const reused = await c.mutate('leadOfficer', path, input(otherTask, key));
        expect(reused.status).toBe(409);
        expect(reused.error?.data?.details?.reason).toBe('idempotencyKeyReused');
        const after = await c.snapshot();
        expect(after[table]).toBe(before[table]);
        expect(after.audit).toBe(before.audit);
      },
    );

    it.each(WRITES)('$name sent twice at once (a double click)', async ({ path, table, input }) => {
      const taskId = await c.newTask();
      const key = newKey('double');
      const before = await c.snapshot();
      const answers = (
        await Promise.all([
          c.mutate('leadOfficer', path, input(taskId, key)),
          c.mutate('leadOfficer', path, input(taskId, key)),
        ])
      ).map(ok);
      expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true]);
      expect(answers[0].id).toBe(answers[1].id);
      const after = await c.snapshot();
      expect(after[table]).toBe((before[table] as number) + 1);
      expect(after.audit).toBe((before.audit as number) + 1);
    });

    it('ten retries of one progress update at once still make one record and move the task once', async () => {
      const taskId = await c.newTask();
      const key = newKey('storm');
      const answers = (
        await Promise.all(
          Array.from({ length: 10 }, () =>
            c.mutate('leadOfficer', 'tasks.postProgress', {
              taskId,
              percent: 45,
              narrative: 'Gửi lại nhiều lần',
              idempotencyKey: key,
            }),
          ),
        )
      ).map(ok);
      expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.id)).size).toBe(1);
      const task = await c.getTask(taskId);
      expect(task.progress).toHaveLength(1);
      expect(task.audit.filter((a: { action: string }) => a.action === 'task.progress')).toHaveLength(1);
    });

    it('a different key is a different record', async () => {
      const taskId = await c.newTask();
      await c.postProgress(taskId, 10);
      await c.postProgress(taskId, 20);
      const task = await c.getTask(taskId);
      expect(task.progress.map((p: { percent: number }) => p.percent).sort()).toEqual([10, 20]);
      expect(task.task.latestPercent).toBe(20);
    });
  });

  describe('versions: a stale edit or decision is refused, not applied', () => {
    /** The whole task as the edit form sends it (see the partial-patch test below). */
    const fullPatch = (patch: TaskSpec) => ({
      title: 'Tiêu đề gốc',
      description: 'Mô tả',
      groupNo: 3,
      leadAgencyId: c.agency.finance,
      coordinatorIds: [c.agency.hanoi],
      deadline: today(30),
      priority: 'high' as const,
      isKey: true,
      ...patch,
    });

    it('tasks.update with the version before someone else’s edit → 409 CONFLICT, their edit stays', async () => {
      const taskId = await c.newTask(fullPatch({}));
      const { version } = (await c.getTask(taskId)).task;
      const first = ok(
        await c.mutate('office', 'tasks.update', {
          id: taskId,
          version,
          patch: fullPatch({ title: 'Sửa lần một' }),
        }),
      );
      expect(first.version).toBe(version + 1);
      const before = await c.snapshot();
      const stale = await c.mutate('office', 'tasks.update', {
        id: taskId,
        version,
        patch: fullPatch({ title: 'Sửa lần hai', deadline: today(99) }),
      });
      expect(stale.status).toBe(409);
      expect(stale.error.data.appCode).toBe('CONFLICT');
      expect(stale.error.data.details).toMatchObject({ reason: 'staleVersion', currentVersion: version + 1 });
      expect(await c.snapshot()).toEqual(before);
      const task = (await c.getTask(taskId)).task;
      expect(task).toMatchObject({ title: 'Sửa lần một', deadline: today(30), version: version + 1 });
    });

    // Regression: Zod 4 applies defaults inside .partial(), so the patch schema is built without them.
    it('tasks.update with only a title keeps every other field', async () => {
      const taskId = await c.newTask(fullPatch({}));
      const before = await c.getTask(taskId);
      ok(
        await c.mutate('office', 'tasks.update', {
          id: taskId,
          version: before.task.version,
          patch: { title: 'Chỉ sửa tiêu đề' },
        }),
      );
      const after = await c.getTask(taskId);
      expect(after.task).toMatchObject({
        title: 'Chỉ sửa tiêu đề',
        deadline: today(30),
        description: 'Mô tả',
        groupNo: 3,
        priority: 'high',
        isKey: true,
      });
      expect(after.coordinators.map((a: { id: number }) => a.id)).toEqual([c.agency.hanoi]);
    });

    it('decideExtension with a stale version → CONFLICT; deciding twice → CONFLICT', async () => {
      const taskId = await c.newTask();
      await c.requestExtension(taskId, today(50));
      const e = await c.latestExtension(taskId);
      const before = await c.snapshot();
      const stale = await c.mutate('office', 'tasks.decideExtension', {
        id: e.id,
        version: e.version + 1,
        decision: 'approved',
      });
      expect(stale.status).toBe(409);
      expect(stale.error.data.appCode).toBe('CONFLICT');
      expect(await c.snapshot()).toEqual(before);

      ok(
        await c.mutate('office', 'tasks.decideExtension', {
          ...e,
          decision: 'refused',
          comment: 'Không đủ lý do',
        }),
      );
      const again = await c.mutate('office', 'tasks.decideExtension', { ...e, decision: 'approved' });
      expect(again.status).toBe(409);
      expect(again.error.data.appCode).toBe('CONFLICT');
      const task = await c.getTask(taskId);
      expect(task.extensions[0]).toMatchObject({ state: 'refused', decisionComment: 'Không đủ lý do' });
      expect(task.task.deadline).toBe(today(30));
    });

    it('reviewCompletion / approveCompletion with a stale version → CONFLICT', async () => {
      const taskId = await c.newTask();
      await c.reportCompletion(taskId);
      const awaitingLeader = await c.latestCompletion(taskId);
      const early = await c.mutate('office', 'tasks.reviewCompletion', {
        ...awaitingLeader,
        decision: 'accept',
      });
      expect(early.status).toBe(409); // the leader has not signed it off yet
      expect(early.error.data.appCode).toBe('CONFLICT');
      const staleLeader = await c.mutate('leadLeader', 'tasks.approveCompletion', {
        id: awaitingLeader.id,
        version: awaitingLeader.version + 5,
        decision: 'accept',
      });
      expect(staleLeader.error.data.appCode).toBe('CONFLICT');

      await c.leaderApproves(taskId);
      const before = await c.snapshot();
      const stale = await c.mutate('office', 'tasks.reviewCompletion', {
        ...awaitingLeader,
        decision: 'accept',
      });
      expect(stale.status).toBe(409);
      expect(stale.error.data.appCode).toBe('CONFLICT');
      expect(await c.snapshot()).toEqual(before);
      const task = await c.getTask(taskId);
      expect(task.task.completedOn).toBeNull();
      expect(task.completions[0].state).toBe('awaiting_office');
    });
  });

  describe('a task’s life', () => {
    it('assignment → progress → extension → completion report → leader → Office: completed on time', async () => {
      const doc = ok(
        await c.mutate('office', 'tasks.createDocument', {
          number: '149/QĐ-TTg-flow',
          kind: 'decision',
          issuedOn: today(-5),
          signer: 'Thủ tướng Chính phủ',
          title: 'Quyết định phê duyệt Đề án',
          tasks: [
            {
              title: 'Xây dựng nền tảng dữ liệu tài chính',
              leadAgencyId: c.agency.finance,
              deadline: today(10),
            },
            { title: 'Số hoá hồ sơ đất đai', leadAgencyId: c.agency.hanoi, isKey: true },
          ],
        }),
      );
      expect(doc.taskIds).toHaveLength(2);
      const [taskId, hanoiTask] = doc.taskIds as [number, number];
      const hanoi = await c.getTask(hanoiTask);
      expect(hanoi.task).toMatchObject({
        leadAgencyId: c.agency.hanoi,
        deadline: null,
        status: 'no_deadline',
      });
      expect(hanoi.document.number).toBe('149/QĐ-TTg-flow');

      await c.postProgress(taskId, 40);
      let task = await c.getTask(taskId);
      expect(task.task).toMatchObject({ latestPercent: 40, status: 'in_progress', dueSoon: false });
      expect(task.task.lastLeadUpdateAt).not.toBeNull();

      await c.requestExtension(taskId, today(40));
      const e = await c.latestExtension(taskId);
      expect(ok(await c.mutate('office', 'tasks.decideExtension', { ...e, decision: 'approved' }))).toEqual({
        id: e.id,
        state: 'approved',
      });
      task = await c.getTask(taskId);
      expect(task.task).toMatchObject({ deadline: today(40), originalDeadline: today(10) });
      expect(task.extensions[0]).toMatchObject({ state: 'approved', currentDeadline: today(10) });

      await c.reportCompletion(taskId, today());
      const report = await c.latestCompletion(taskId);
      expect(report.state).toBe('awaiting_leader');
      expect((await c.getTask(taskId)).task.status).toBe('in_progress'); // not completed until accepted

      const signed = ok(
        await c.mutate('leadLeader', 'tasks.approveCompletion', { ...report, decision: 'accept' }),
      );
      expect(signed).toEqual({ id: report.id, state: 'awaiting_office' });
      const awaitingOffice = await c.latestCompletion(taskId);
      const accepted = ok(
        await c.mutate('office', 'tasks.reviewCompletion', { ...awaitingOffice, decision: 'accept' }),
      );
      expect(accepted).toEqual({ id: report.id, state: 'accepted' });

      task = await c.getTask(taskId);
      expect(task.task).toMatchObject({
        status: 'completed_on_time',
        completedOn: today(),
        latestPercent: 100,
        deadline: today(40),
        originalDeadline: today(10),
      });
      // A completed task takes no more progress.
      const late = await c.mutate('leadOfficer', 'tasks.postProgress', {
        taskId,
        percent: 100,
        narrative: 'Bổ sung',
        idempotencyKey: newKey(),
      });
      expect(late.status).toBe(409);
      expect(late.error.data.details.reason).toBe('taskClosed');
    });

    it('a completion accepted after the deadline is completed late', async () => {
      const taskId = await c.newTask({ deadline: today(-3) });
      expect((await c.getTask(taskId)).task.status).toBe('overdue');
      await c.reportCompletion(taskId, today(-1));
      await c.leaderApproves(taskId);
      const r = await c.latestCompletion(taskId);
      ok(await c.mutate('office', 'tasks.reviewCompletion', { ...r, decision: 'accept' }));
      expect((await c.getTask(taskId)).task).toMatchObject({
        status: 'completed_late',
        completedOn: today(-1),
      });
    });

    it('a completion the Office returns (with a comment) leaves the task in progress, open for a new report', async () => {
      const taskId = await c.newTask();
      await c.postProgress(taskId, 90);
      await c.reportCompletion(taskId);
      await c.leaderApproves(taskId);
      const r = await c.latestCompletion(taskId);
      const returned = ok(
        await c.mutate('office', 'tasks.reviewCompletion', {
          ...r,
          decision: 'return',
          comment: 'Thiếu văn bản ban hành',
        }),
      );
      expect(returned.state).toBe('returned_by_office');
      const task = await c.getTask(taskId);
      expect(task.task).toMatchObject({ status: 'in_progress', completedOn: null, latestPercent: 90 });
      expect(task.completions[0]).toMatchObject({
        state: 'returned_by_office',
        reviewComment: 'Thiếu văn bản ban hành',
      });
      await c.reportCompletion(taskId);
      expect((await c.latestCompletion(taskId)).state).toBe('awaiting_leader');
    });

    it('returning without a comment is a VALIDATION error naming comment, and changes nothing', async () => {
      const taskId = await c.newTask();
      await c.reportCompletion(taskId);
      await c.leaderApproves(taskId);
      const r = await c.latestCompletion(taskId);
      const before = await c.snapshot();
      const res = await c.mutate('office', 'tasks.reviewCompletion', {
        ...r,
        decision: 'return',
        comment: '  ',
      });
      expect(res.status).toBe(400);
      expect(res.error.data.appCode).toBe('VALIDATION');
      expect(res.error.data.issues).toEqual([expect.objectContaining({ path: 'comment' })]);
      expect(await c.snapshot()).toEqual(before);
    });

    it('the leader may send a report back; the task stays open', async () => {
      const taskId = await c.newTask();
      await c.reportCompletion(taskId);
      const r = await c.latestCompletion(taskId);
      const res = ok(
        await c.mutate('leadLeader', 'tasks.approveCompletion', {
          ...r,
          decision: 'return',
          comment: 'Bổ sung minh chứng',
        }),
      );
      expect(res.state).toBe('returned_by_leader');
      expect((await c.getTask(taskId)).task).toMatchObject({ status: 'in_progress', completedOn: null });
    });
  });

  describe('bad input → 400 naming the field, nothing saved', () => {
    let taskId: number;
    beforeAll(async () => {
      taskId = await c.newTask({ deadline: today(20) });
    });

    const progress = (patch: Record<string, unknown>) => ({
      path: 'tasks.postProgress',
      input: (id: number) => ({
        taskId: id,
        percent: 50,
        narrative: 'Đã làm',
        idempotencyKey: newKey(),
        ...patch,
      }),
    });
    const extension = (requestedDeadline: string) => ({
      path: 'tasks.requestExtension',
      input: (id: number) => ({ taskId: id, requestedDeadline, reason: 'Lý do', idempotencyKey: newKey() }),
    });
    const completion = (patch: Record<string, unknown>) => ({
      path: 'tasks.reportCompletion',
      input: (id: number) => ({
        taskId: id,
        result: 'Đã xong',
        completionDate: today(),
        idempotencyKey: newKey(),
        ...patch,
      }),
    });

    it.each([
      { name: 'percent 150', field: 'percent', ...progress({ percent: 150 }) },
      { name: 'percent −1', field: 'percent', ...progress({ percent: -1 }) },
      { name: 'an empty narrative', field: 'narrative', ...progress({ narrative: '   ' }) },
      {
        name: 'an ftp evidence link',
        field: 'evidenceUrl',
        ...progress({ evidenceUrl: 'ftp://x.vn/a.pdf' }),
      },
      {
        name: 'a javascript: evidence link',
        field: 'evidenceUrl',
        ...progress({ evidenceUrl: 'javascript:alert(1)' }),
      },
      { name: 'an extension to the deadline itself', field: 'requestedDeadline', ...extension(today(20)) },
      { name: 'an extension to before the deadline', field: 'requestedDeadline', ...extension(today(5)) },
      {
        name: 'an extension date that is not a date',
        field: 'requestedDeadline',
        ...extension('20/12/2026'),
      },
      {
        name: 'a completion dated in the future',
        field: 'completionDate',
        ...completion({ completionDate: today(2) }),
      },
      { name: 'an empty completion result', field: 'result', ...completion({ result: '' }) },
    ])('$name', async ({ path, input, field }) => {
      const before = await c.snapshot();
      const res = await c.mutate('leadOfficer', path, input(taskId));
      expect(res.status).toBe(400);
      expect(res.error.data.appCode).toBe('VALIDATION');
      const fields = [
        ...(res.error.data.issues ?? []).map((i: { path: string }) => i.path),
        res.error.data.details?.field,
      ];
      expect(fields).toContain(field);
      expect(await c.snapshot()).toEqual(before);
    });

    it('a task led by an agency that does not exist is refused, and so is its whole document', async () => {
      const before = await c.snapshot();
      const res = await c.mutate('office', 'tasks.createDocument', {
        number: '1/KL-TTg-bad',
        kind: 'conclusion_notice',
        issuedOn: today(),
        signer: 'Thủ tướng',
        title: 'Kết luận',
        tasks: [
          { title: 'Hợp lệ', leadAgencyId: c.agency.finance },
          { title: 'Không hợp lệ', leadAgencyId: 987_654 },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.error.data.details.field).toBe('leadAgencyId');
      expect(await c.snapshot()).toEqual(before);
    });
  });
});
