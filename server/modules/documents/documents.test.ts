import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, ok, startCast } from '../../test/tasks';

describe('documents', () => {
  let c: Cast;

  beforeAll(async () => {
    c = await startCast();
  });
  afterAll(() => c.close());

  it('the list counts each document its own tasks', async () => {
    const three = await c.createDocument([{}, {}, {}]);
    const five = await c.createDocument([{}, {}, {}, {}, {}]);
    const none = await c.createDocument([]);
    const list = ok(await c.query('inspector', 'documents.list', { pageSize: 100 }));
    const countOf = (id: number) =>
      list.items.find((d: { id: number; taskCount: number }) => d.id === id)?.taskCount;
    expect([countOf(three.id), countOf(five.id), countOf(none.id)]).toEqual([3, 5, 0]);
  });

  it('a document is shown with its tasks', async () => {
    const doc = await c.createDocument([{ title: 'Nhiệm vụ thứ nhất' }, { title: 'Nhiệm vụ thứ hai' }]);
    const page = ok(await c.query('otherOfficer', 'documents.get', { id: doc.id }));
    expect(page.document.id).toBe(doc.id);
    expect(page.tasks.map((t: { title: string }) => t.title).sort()).toEqual([
      'Nhiệm vụ thứ hai',
      'Nhiệm vụ thứ nhất',
    ]);
    const missing = await c.query('office', 'documents.get', { id: 987_654 });
    expect(missing.error.data.appCode).toBe('NOT_FOUND');
  });
});
