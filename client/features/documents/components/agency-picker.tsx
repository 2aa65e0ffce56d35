import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAgencyMatches } from '../api/document-queries';

export interface PickedAgency {
  id: number;
  nameVi: string;
  nameEn: string;
}

interface AgencyPickerProps {
  label: string;
  /** One agency (the lead) or any number (coordinating agencies). */
  multiple?: boolean;
  value: PickedAgency[];
  onChange: (value: PickedAgency[]) => void;
  error?: string | undefined;
  required?: boolean;
  /** Agencies that may not be picked here (e.g. the lead among coordinators). */
  exclude?: readonly number[];
}

/**
 * A search-as-you-type combobox over the agency directory (ARIA 1.2 combobox with a listbox): arrows move
 * through the matches, Enter picks, Escape closes; the number of matches is announced.
 */
export function AgencyPicker({
  label,
  multiple = false,
  value,
  onChange,
  error,
  required = false,
  exclude = [],
}: AgencyPickerProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(text, 200).trim();
  const matches = useAgencyMatches(q);
  const chosen = new Set(value.map((a) => a.id));
  const options = (matches.data?.items ?? []).filter((a) => !chosen.has(a.id) && !exclude.includes(a.id));
  // Only results for what is in the box now: stale matches from an earlier word must not be picked.
  const current = q.length > 0 && q === text.trim() && !matches.isPending && !matches.isPlaceholderData;
  const expanded = open && current;
  const name = (a: PickedAgency) => (en ? a.nameEn : a.nameVi);
  const showInput = multiple || value.length === 0;

  function pick(agency: PickedAgency) {
    const picked = { id: agency.id, nameVi: agency.nameVi, nameEn: agency.nameEn };
    onChange(multiple ? [...value, picked] : [picked]);
    setText('');
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter') {
      const option = options[active];
      if (expanded && option) {
        event.preventDefault();
        pick(option);
      } else if (expanded) {
        event.preventDefault();
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else {
        setText('');
      }
    }
  }

  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  const activeOption = expanded ? options[active] : undefined;

  return (
    <div className="form__field agency-picker">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {value.length > 0 && (
        <ul className="agency-picker__chosen" aria-label={`${label}: ${t('documents.picker.selected')}`}>
          {value.map((agency) => (
            <li key={agency.id} className="agency-picker__chip">
              <span>{name(agency)}</span>
              <button
                type="button"
                className="agency-picker__remove"
                aria-label={
                  multiple
                    ? t('documents.picker.remove', { name: name(agency) })
                    : t('documents.picker.change')
                }
                onClick={() => onChange(value.filter((a) => a.id !== agency.id))}
              >
                {multiple ? '×' : t('documents.picker.change')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {showInput && (
        <div className="agency-picker__box">
          <input
            id={id}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={activeOption ? `${id}-opt-${activeOption.id}` : undefined}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            aria-required={required ? true : undefined}
            value={text}
            maxLength={100}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            onFocus={() => setOpen(true)}
          />
          <ul
            id={listId}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA 1.2 combobox pattern, a listbox the input drives through aria-activedescendant
            role="listbox"
            aria-labelledby={`${id}-label`}
            className="agency-picker__list"
            hidden={!expanded}
          >
            {options.map((agency, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: options stay unfocusable; the combobox input keeps focus and handles the keyboard (ARIA 1.2 combobox pattern)
              <li
                key={agency.id}
                id={`${id}-opt-${agency.id}`}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox (ARIA 1.2)
                role="option"
                aria-selected={index === active}
                className="agency-picker__option"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(agency)}
              >
                {name(agency)}
                {(en ? agency.parentNameEn : agency.parentNameVi) && (
                  <span className="muted"> – {en ? agency.parentNameEn : agency.parentNameVi}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint" id={hintId}>
        {t('documents.picker.hint')}
      </p>
      <p className="visually-hidden" id={statusId} role="status" aria-live="polite">
        {expanded
          ? options.length
            ? t('documents.picker.results', { count: options.length })
            : t('documents.picker.noMatches')
          : ''}
      </p>
      {expanded && options.length === 0 && (
        <p className="muted" aria-hidden="true">
          {t('documents.picker.noMatches')}
        </p>
      )}
      {error && (
        <p className="form__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
