import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboboxOption } from '../../../components/combobox';
import { useTRPC } from '../../../lib/trpc';

const PROVINCE_PICKER_SIZE = 10;

export interface PickedProvince extends ComboboxOption {
  nameVi: string;
  nameEn: string;
}

interface ProvinceComboboxProps {
  label: string;
  value: PickedProvince | null;
  onChange: (value: PickedProvince | null) => void;
  error?: string | undefined;
  required?: boolean;
}

/** Picks a provincial unit (province or centrally-run city), searching as the admin types. */
export function ProvinceCombobox({ label, value, onChange, error, required = false }: ProvinceComboboxProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const en = i18n.language === 'en';
  const [q, setQ] = useState('');
  const matches = useQuery({
    ...trpc.agencies.list.queryOptions(
      { q, level: 'provincial', pageSize: PROVINCE_PICKER_SIZE },
      { staleTime: 5 * 60_000 },
    ),
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
      required={required}
      texts={{
        hint: t('agencyAdmin.picker.hint'),
        change: t('agencyAdmin.picker.change'),
        selected: t('agencyAdmin.picker.selected'),
        noMatches: t('agencyAdmin.picker.noMatches'),
        results: (count) => t('agencyAdmin.picker.results', { count }),
      }}
    />
  );
}
