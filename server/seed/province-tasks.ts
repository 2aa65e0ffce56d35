import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import { foldVietnamese } from '../../shared/text';
import { earlierDate, shiftDate, vietnamInstant } from '../../shared/time';
import type { Db } from '../db/client';
import { documents, progressUpdates, tasks } from '../db/schema';

/**
 * What a province assigns onward in the demo (issue 17, point 1; docs/decisions/0029 and 0032): Hà
 * Nội's own plan, with tasks to two of its departments and one of its communes, and a part of a
 * Government task Hà Nội leads given to its science and technology department. The department's
 * demo officer (hanoi.sokhcn) has reported progress on its task.
 */
export async function seedProvinceTasks(
  db: Db,
  options: {
    today: string;
    notAfterNow: (at: Date) => Date;
    province: number;
    /** Sở Khoa học và Công nghệ and Sở Nội vụ of the province. */
    science: number;
    homeAffairs: number;
    commune: number | null;
    provinceOfficer: number | null;
    scienceOfficer: number | null;
  },
): Promise<void> {
  const { today, province } = options;
  const issuedOn = shiftDate(today, -45);
  const [doc] = await db
    .insert(documents)
    .values({
      number: '125/KH-UBND',
      kind: 'directive',
      issuedOn,
      signer: 'Chủ tịch Ủy ban nhân dân thành phố',
      title: 'Kế hoạch triển khai Chương trình phát triển Chính phủ số trên địa bàn thành phố năm 2026',
      searchText: foldVietnamese('125/KH-UBND Kế hoạch triển khai Chương trình phát triển Chính phủ số'),
      issuerAgencyId: province,
      createdBy: options.provinceOfficer,
      createdAt: vietnamInstant(issuedOn, 9),
    })
    .returning({ id: documents.id, number: documents.number });
  if (!doc) throw new Error('no province document');
  const assignedAt = vietnamInstant(issuedOn, 10);
  const task = (t: {
    lead: number;
    groupNo: number;
    title: string;
    deadline: string;
    documentId?: number;
    parentTaskId?: number;
  }): typeof tasks.$inferInsert => ({
    documentId: t.documentId ?? doc.id,
    issuerAgencyId: province,
    parentTaskId: t.parentTaskId ?? null,
    groupNo: t.groupNo,
    title: t.title,
    description: `Thực hiện theo ${doc.number}.`,
    leadAgencyId: t.lead,
    deadline: t.deadline,
    originalDeadline: t.deadline,
    priority: 'high',
    isKey: true,
    searchText: foldVietnamese(`${t.title} ${doc.number}`),
    createdBy: options.provinceOfficer,
    createdAt: assignedAt,
    updatedAt: assignedAt,
  });
  const values = [
    task({
      lead: options.science,
      groupNo: 3,
      title: 'Xây dựng nền tảng tích hợp, chia sẻ dữ liệu dùng chung của thành phố',
      deadline: shiftDate(today, 75),
    }),
    task({
      lead: options.homeAffairs,
      groupNo: 2,
      title: 'Số hóa hồ sơ cán bộ, công chức, viên chức của thành phố',
      deadline: shiftDate(today, 120),
    }),
    ...(options.commune
      ? [
          task({
            lead: options.commune,
            groupNo: 3,
            title: 'Cung cấp dịch vụ công trực tuyến toàn trình tại Trung tâm phục vụ hành chính công xã',
            deadline: shiftDate(today, 60),
          }),
        ]
      : []),
  ];
  // A part of an open Government task Hà Nội leads, for its science and technology department.
  const [parent] = await db
    .select({ id: tasks.id, documentId: tasks.documentId, deadline: tasks.deadline })
    .from(tasks)
    .where(
      and(
        eq(tasks.leadAgencyId, province),
        isNull(tasks.issuerAgencyId),
        isNull(tasks.completedOn),
        eq(tasks.withdrawn, false),
        or(isNull(tasks.deadline), gte(tasks.deadline, shiftDate(today, 30))),
      ),
    )
    .orderBy(asc(tasks.id))
    .limit(1);
  if (parent) {
    const deadline = parent.deadline
      ? earlierDate(parent.deadline, shiftDate(today, 30))
      : shiftDate(today, 30);
    values.push(
      task({
        lead: options.science,
        groupNo: 3,
        title: 'Triển khai nền tảng số dùng chung của thành phố (phần việc giao Sở Khoa học và Công nghệ)',
        deadline,
        documentId: parent.documentId,
        parentTaskId: parent.id,
      }),
    );
  }
  const inserted = await db
    .insert(tasks)
    .values(values)
    .returning({ id: tasks.id, lead: tasks.leadAgencyId });
  const own = inserted.find((t) => t.lead === options.science);
  if (own && options.scienceOfficer) {
    const steps = [
      {
        days: -30,
        percent: 15,
        narrative: 'Đã khảo sát hiện trạng dữ liệu của các sở, ngành và xã, phường.',
      },
      {
        days: -8,
        percent: 40,
        narrative: 'Đã trình Ủy ban nhân dân thành phố phê duyệt phương án kỹ thuật.',
      },
    ];
    await db.insert(progressUpdates).values(
      steps.map((s) => ({
        taskId: own.id,
        agencyId: options.science,
        authorId: options.scienceOfficer as number,
        percent: s.percent,
        narrative: s.narrative,
        createdAt: options.notAfterNow(vietnamInstant(shiftDate(today, s.days), 15)),
      })),
    );
    await db
      .update(tasks)
      .set({
        latestPercent: 40,
        lastLeadUpdateAt: options.notAfterNow(vietnamInstant(shiftDate(today, -8), 15)),
      })
      .where(eq(tasks.id, own.id));
  }
}
