import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboboxOption } from '../../../components/combobox';
import { useTRPC } from '../../../lib/trpc';

export const AGENCY_PICKER_SIZE = 10;

export interface PickedAgency extends ComboboxOption {
  nameVi: string;
  nameEn: string;
}

interface UserAgencyComboboxProps {
  label: string;
  value: PickedAgency | null;
  onChange: (value: PickedAgency | null) => void;
  error?: string | undefined;
  required?: boolean;
  hint?: string;
}

/** Picks the agency an account belongs to, searching the whole directory as the admin types. */
export function UserAgencyCombobox({
  label,
  value,
  onChange,
  error,
  required,
  hint,
}: UserAgencyComboboxProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const en = i18n.language === 'en';
  const [q, setQ] = useState('');
  const matches = useQuery({
    ...trpc.agencies.list.queryOptions({ q, pageSize: AGENCY_PICKER_SIZE }, { staleTime: 5 * 60_000 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const results =
    matches.data && !matches.isPlaceholderData
      ? {
          q,
          items: matches.data.items.map((a) => ({
            id: a.id,
            nameVi: a.nameVi,
            nameEn: a.nameEn,
            label: en ? a.nameEn : a.nameVi,
            detail: en ? a.parentNameEn : a.parentNameVi,
          })),
        }
      : undefined;
  const shown = value ? { ...value, label: en ? value.nameEn : value.nameVi } : null;
  return (
    <Combobox
      label={label}
      value={shown}
      onChange={onChange}
      onQueryChange={setQ}
      results={results}
      error={error}
      required={required ?? false}
      texts={{
        hint: hint ? `${hint} ${t('userAdmin.picker.hint')}` : t('userAdmin.picker.hint'),
        change: t('userAdmin.picker.change'),
        selected: t('userAdmin.picker.selected'),
        noMatches: t('userAdmin.picker.noMatches'),
        results: (count) => t('userAdmin.picker.results', { count }),
      }}
    />
  );
}
