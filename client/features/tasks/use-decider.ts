import { useTranslation } from 'react-i18next';

/**
 * Who decides a task's requests and accepts its completion, as the page names them: the Government
 * Office for the Government's tasks, the province that assigned a commune's task (ADR 0029).
 */
export function useDecider(issuer: { nameVi: string; nameEn: string } | null): string {
  const { t, i18n } = useTranslation();
  if (!issuer) return t('taskParts.office');
  return i18n.language === 'en' ? issuer.nameEn : issuer.nameVi;
}
