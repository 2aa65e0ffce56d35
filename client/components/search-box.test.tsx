import { act, fireEvent, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useListParams } from '../lib/use-list-params';
import { renderTranslated, resetAfterEach } from '../test/render';
import { SearchBox } from './search-box';

resetAfterEach();

function ListPage() {
  const { q, onSearch } = useListParams();
  return (
    <>
      <SearchBox value={q} onSearch={onSearch} label="Tìm nhiệm vụ" hint="" />
      <p>Tìm: {q || '—'}</p>
      <Link to="/tasks/321">Nhiệm vụ 321</Link>
    </>
  );
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

/** The task page's code arrives a second after the click, as a lazy route's chunk does on a slow line. */
function slowTaskPage() {
  return lazy(
    () =>
      new Promise<{ default: () => React.JSX.Element }>((resolve) =>
        setTimeout(() => resolve({ default: () => <h1>Trang nhiệm vụ</h1> }), 1_000),
      ),
  );
}

function renderList() {
  const TaskPage = slowTaskPage();
  window.history.replaceState(null, '', '/inbox');
  renderTranslated(
    <BrowserRouter>
      <Suspense fallback={<p>Đang tải</p>}>
        <Routes>
          <Route path="/inbox" element={<ListPage />} />
          <Route path="/tasks/:id" element={<TaskPage />} />
        </Routes>
        <Where />
      </Suspense>
    </BrowserRouter>,
  );
}

describe('a list search box', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts the search in the list address once typing pauses', async () => {
    renderList();
    fireEvent.change(screen.getByLabelText('Tìm nhiệm vụ'), { target: { value: ' 40206/QĐ-TTg ' } });
    expect(screen.getByTestId('where').textContent).toBe('/inbox');
    await act(async () => vi.advanceTimersByTime(300));
    expect(screen.getByText('Tìm: 40206/QĐ-TTg')).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get('q')).toBe('40206/QĐ-TTg');
  });

  it('does not take the user back to the list when they open a row before the search fires', async () => {
    renderList();
    fireEvent.change(screen.getByLabelText('Tìm nhiệm vụ'), { target: { value: '40206/QĐ-TTg' } });
    // The router renders the new page in a transition: the list stays on screen while its code loads.
    fireEvent.click(screen.getByRole('link', { name: 'Nhiệm vụ 321' }));
    await act(async () => vi.advanceTimersByTime(300));
    await act(async () => vi.advanceTimersByTime(1_000));
    expect(window.location.pathname).toBe('/tasks/321');
    expect(screen.getByTestId('where').textContent).toBe('/tasks/321');
    expect(screen.getByRole('heading', { name: 'Trang nhiệm vụ' })).toBeTruthy();
  });
});
