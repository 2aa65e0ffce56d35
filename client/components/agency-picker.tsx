import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_LEVELS, type AgencyLevel } from '../../shared/agencies';
import { useTRPC } from '../lib/trpc';
import { Combobox } from './combobox';

export const AGENCY_PICKER_SIZE = 10;

export interface PickedAgency {
  id: number;
  nameVi: string;
  nameEn: string;
}

interface AgencyPickerProps {
  label: string;
  value: readonly PickedAgency[];
  onChange: (value: PickedAgency[]) => void;
  /** Any number of agencies (e.g. coordinating agencies), else one. */
  multiple?: boolean;
  /** Only agencies of this level (the provincial units a commune belongs to). */
  level?: AgencyLevel;
  /** Only the direct children of this agency (a province's departments and communes). */
  parentId?: number;
  /** List the matches under their level (a province's departments apart from its communes). */
  groupByLevel?: boolean;
  /** Agencies that may not be picked here (e.g. the lead among coordinators). */
  exclude?: readonly number[];
  /** Said before the picker's own hint. */
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** Agencies whose name matches what the user typed (diacritics optional), one page of them. */
export function useAgencyMatches(q: string, level?: AgencyLevel, parentId?: number) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.agencies.list.queryOptions(
      {
        q,
        page: 1,
        pageSize: AGENCY_PICKER_SIZE,
        ...(level ? { level } : {}),
        ...(parentId ? { parentId } : {}),
      },
      { staleTime: 5 * 60_000 },
    ),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Picks one agency or several from the directory, searching as the user types. */
export function AgencyPicker({
  label,
  value,
  onChange,
  multiple = false,
  level,
  parentId,
  groupByLevel = false,
  exclude = [],
  hint,
  error,
  required = false,
}: AgencyPickerProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [q, setQ] = useState('');
  const matches = useAgencyMatches(q, level, parentId);
  const name = (a: { nameVi: string; nameEn: string }) => (en ? a.nameEn : a.nameVi);
  const results =
    matches.data && !matches.isPlaceholderData
      ? {
          q,
          items: matches.data.items
            .filter((a) => !exclude.includes(a.id))
            // Stable: within a level, the directory's order.
            .sort((a, b) =>
              groupByLevel ? AGENCY_LEVELS.indexOf(a.level) - AGENCY_LEVELS.indexOf(b.level) : 0,
            )
            .map((a) => ({
              id: a.id,
              nameVi: a.nameVi,
              nameEn: a.nameEn,
              label: name(a),
              ...(groupByLevel
                ? { group: t(`levels.${a.level}`) }
                : { detail: en ? a.parentNameEn : a.parentNameVi }),
            })),
        }
      : undefined;
  // The provincial picker speaks of provinces and cities; the others of agencies.
  const words = level === 'provincial' ? 'picker.provinces' : 'picker.agencies';
  const pickerHint = t(`${words}.hint`);
  return (
    <Combobox
      label={label}
      value={value.map((a) => ({ ...a, label: name(a) }))}
      onChange={(picked) => onChange(picked.map((a) => ({ id: a.id, nameVi: a.nameVi, nameEn: a.nameEn })))}
      multiple={multiple}
      onQueryChange={setQ}
      results={results}
      error={error}
      required={required}
      texts={{
        hint: hint ? `${hint} ${pickerHint}` : pickerHint,
        change: t(`${words}.change`),
        selected: t(`${words}.selected`),
        noMatches: t(`${words}.noMatches`),
        results: (count) => t(`${words}.results`, { count }),
        remove: (agency) => t('picker.agencies.remove', { name: agency }),
      }}
    />
  );
}
