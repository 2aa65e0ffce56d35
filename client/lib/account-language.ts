import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Language } from '../../shared/languages';
import { currentLanguage, setLanguage } from './i18n/i18n';
import { useTRPC } from './trpc';
import { currentUserQuery } from './use-current-user';

/**
 * Saves the signed-in user's language on the account (`auth.setLanguage`: the interface's after each
 * login and their mails', docs/decisions/0027) and shows the interface in it.
 */
export function useSaveLanguage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.setLanguage.mutationOptions({
      onSuccess: ({ language }) => {
        queryClient.setQueryData(currentUserQuery(trpc).queryKey, (me) => (me ? { ...me, language } : me));
        void setLanguage(language);
      },
    }),
  );
}

/**
 * The interface follows the account's language: after a login, and when it changes (from another
 * device, or the settings page). Only a change of the account's language switches: a switch made in
 * this page, being saved, is not undone meanwhile.
 */
export function useAccountLanguage(language: Language | undefined): void {
  useEffect(() => {
    if (language && language !== currentLanguage()) void setLanguage(language);
  }, [language]);
}
