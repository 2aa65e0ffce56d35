import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach } from 'vitest';
import { i18n } from '../lib/i18n/i18n';
import { createTrpcClient, TRPCProvider } from '../lib/trpc';

/** Renders a component in the app's translations (Vietnamese unless a test switches). */
export function renderTranslated(ui: ReactNode) {
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

/** Renders a component that may query the API (the agency picker does), with a fresh query cache. */
export function renderWithApi(ui: ReactNode) {
  const queryClient = new QueryClient();
  return renderTranslated(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={createTrpcClient()} queryClient={queryClient}>
        {ui}
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

/** Unmounts after each test and puts the language back to Vietnamese. */
export function resetAfterEach() {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('vi');
  });
}
