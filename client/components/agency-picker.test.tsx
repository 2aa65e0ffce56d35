import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApi, resetAfterEach } from '../test/render';
import { AgencyPicker } from './agency-picker';

const unit = (id: number, nameVi: string, level: 'department' | 'commune') => ({
  id,
  code: `TPHN-${id}`,
  nameVi,
  nameEn: nameVi,
  kind: level,
  level,
  parentId: 40,
  parentNameVi: 'Thành phố Hà Nội',
  parentNameEn: 'Hanoi',
  childCount: 0,
  departmentCount: 0,
});

/** `agencies.list` answering these units (a batch of one, as the client's link sends it). */
function stubAgencies(items: ReturnType<typeof unit>[]) {
  const fetch = vi.fn(
    async (_url: string) =>
      new Response(
        JSON.stringify([
          { result: { data: { json: { items, total: items.length, page: 1, pageSize: 10 } } } },
        ]),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('AgencyPicker over a province’s own units', () => {
  resetAfterEach();
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the departments apart from the communes, each group named, and asks for every level', async () => {
    // The directory's order is by level, but a picker must not rely on it.
    const fetch = stubAgencies([
      unit(1, 'Xã Sóc Sơn', 'commune'),
      unit(2, 'Sở Khoa học và Công nghệ thành phố Hà Nội', 'department'),
      unit(3, 'Sở Nội vụ thành phố Hà Nội', 'department'),
    ]);
    renderWithApi(
      <AgencyPicker label="Đơn vị chủ trì" value={[]} onChange={() => {}} parentId={40} groupByLevel />,
    );
    fireEvent.change(screen.getByRole('combobox', { name: /Đơn vị chủ trì/ }), { target: { value: 'so' } });
    const listbox = await screen.findByRole('listbox', { name: /Đơn vị chủ trì/ });
    const groups = within(listbox).getAllByRole('group');
    expect(
      groups.map(
        (g) =>
          g.getAttribute('aria-labelledby') &&
          document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent,
      ),
    ).toEqual(['Sở, ban, ngành', 'Cấp xã']);
    const [departments, communes] = groups;
    if (!departments || !communes) throw new Error('two groups expected');
    expect(
      within(departments)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Sở Khoa học và Công nghệ thành phố Hà Nội', 'Sở Nội vụ thành phố Hà Nội']);
    expect(
      within(communes)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Xã Sóc Sơn']);
    // The keyboard walks the options in the order shown: the first is a department.
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'ArrowDown' });
    expect(screen.getByRole('option', { selected: true }).textContent).toBe(
      'Sở Khoa học và Công nghệ thành phố Hà Nội',
    );
    const url = decodeURIComponent(String(fetch.mock.calls[0]?.[0] ?? ''));
    expect(url).toContain('"parentId":40');
    expect(url).not.toContain('"level"');
  });

  it('without grouping, names each unit’s parent as before', async () => {
    stubAgencies([unit(2, 'Sở Nội vụ thành phố Hà Nội', 'department')]);
    renderWithApi(<AgencyPicker label="Cơ quan chủ trì" value={[]} onChange={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: /Cơ quan chủ trì/ }), {
      target: { value: 'noi vu' },
    });
    const option = await screen.findByRole('option');
    expect(option.textContent).toBe('Sở Nội vụ thành phố Hà Nội – Thành phố Hà Nội');
    expect(screen.queryByRole('group')).toBeNull();
  });
});
