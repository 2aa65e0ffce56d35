import type { RouterOutputs } from '../../lib/trpc';

export type AgencyItem = RouterOutputs['agencies']['list']['items'][number];

/** The agency's name in the reader's language. */
export function agencyName(agency: Pick<AgencyItem, 'nameVi' | 'nameEn'>, language: string): string {
  return language === 'en' ? agency.nameEn : agency.nameVi;
}

export function parentName(agency: AgencyItem, language: string): string | null {
  return language === 'en' ? agency.parentNameEn : agency.parentNameVi;
}
