import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppRouter } from '../../../server/app-router';
import { i18n } from '../../lib/i18n/i18n';
import { type CurrentUser, createTrpcClient, TRPCProvider } from '../../lib/trpc';
import { resetAfterEach } from '../../test/render';
import { ProtectedLayout } from './protected-layout';

const USER: CurrentUser = {
  id: 1,
  username: 'vp.test',
  fullName: 'Nguyễn Văn Thử',
  role: 'office',
  agencyId: 1,
  agencyNameVi: 'Văn phòng Chính phủ',
  agencyNameEn: 'Government Office',
  agencyLevel: 'central',
  language: 'vi',
  stage: 'full',
};

/** The layout over a page, with `auth.me` and the header's notifications already answered (no request is made). */
function renderAt(stage: CurrentUser['stage'], language: CurrentUser['language'] = 'vi') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const trpcClient = createTrpcClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  const me: CurrentUser = { ...USER, stage, language };
  queryClient.setQueryData(trpc.auth.me.queryKey(), me);
  queryClient.setQueryData(trpc.accountability.notifications.queryKey(), { items: [], unread: 2 });
  const router = createMemoryRouter(
    [{ element: <ProtectedLayout />, children: [{ path: '/tasks', element: <p>Trang nhiệm vụ</p> }] }],
    { initialEntries: ['/tasks'] },
  );
  const view = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...view, me: () => queryClient.getQueryData(trpc.auth.me.queryKey()) };
}

describe('ProtectedLayout', () => {
  resetAfterEach();

  it('shows the second-factor step, not the app, while the login awaits a code', async () => {
    renderAt('mfa');
    expect(await screen.findByRole('heading', { name: 'Xác thực hai lớp' })).toBeTruthy();
    expect(screen.getByLabelText('Mã xác thực')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đăng xuất' })).toBeTruthy();
    expect(screen.queryByText('Trang nhiệm vụ')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('shows the page inside the app once the login is complete', async () => {
    renderAt('full');
    expect(await screen.findByText('Trang nhiệm vụ')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Xác thực hai lớp' })).toBeNull();
    // The header's way to the notification centre says how many are unread, in its name.
    expect(screen.getByRole('link', { name: 'Thông báo, 2 chưa đọc' }).getAttribute('href')).toBe(
      '/notifications',
    );
  });

  describe('the account’s language', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('the interface starts in it after login', async () => {
      renderAt('full', 'en');
      expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' })).toBeTruthy();
      expect(i18n.language).toBe('en');
      expect(document.documentElement.lang).toBe('en');
    });

    it('the header’s switch changes it on the account, which the interface keeps', async () => {
      const fetch = vi.fn(async (url: string | URL | Request) =>
        String(url).includes('auth.setLanguage')
          ? new Response(JSON.stringify([{ result: { data: { json: { language: 'en' } } } }]), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            })
          : new Response('[]', { status: 404 }),
      );
      vi.stubGlobal('fetch', fetch);
      const view = renderAt('full');
      expect(await screen.findByRole('link', { name: 'Thông báo, 2 chưa đọc' })).toBeTruthy();
      const toggle = screen.getByRole('button', { name: 'English' });
      expect(toggle.getAttribute('title')).toBe(
        'Chuyển ngôn ngữ sang tiếng Anh, cho giao diện và thư gửi cho bạn',
      );
      fireEvent.click(toggle);
      expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' })).toBeTruthy();
      await waitFor(() => expect(view.me()).toMatchObject({ language: 'en' }));
      const call = fetch.mock.calls.find(([url]) => String(url).includes('auth.setLanguage'));
      expect(String((call as unknown as [string, RequestInit])[1].body)).toContain('"language":"en"');
      // Still English once saved: the account says so now.
      expect(i18n.language).toBe('en');
    });
  });
});
