import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../lib/use-debounced-value';
import './forms.css';

export interface ComboboxOption {
  id: number;
  label: string;
  /** A second, quieter line, e.g. the parent unit. */
  detail?: string | null;
  /**
   * The group the option is listed under (e.g. a province's departments apart from its communes);
   * options of one group come together, in the order given.
   */
  group?: string;
}

/** Consecutive options of the same group, each with its place among all the options. */
function groupsOf<T extends ComboboxOption>(options: readonly T[]) {
  const groups: { label: string | undefined; items: { option: T; index: number }[] }[] = [];
  options.forEach((option, index) => {
    const last = groups[groups.length - 1];
    if (last && last.label === option.group) last.items.push({ option, index });
    else groups.push({ label: option.group, items: [{ option, index }] });
  });
  return groups;
}

export interface ComboboxTexts {
  hint: string;
  /** The button that clears the choice to pick another. */
  change: string;
  /** "Selected" for the chosen value's list. */
  selected: string;
  noMatches: string;
  results: (count: number) => string;
  /** The accessible name of a chosen value's remove button, when several may be chosen. */
  remove?: (label: string) => string;
}

interface ComboboxProps<T extends ComboboxOption> {
  label: string;
  /** What is chosen: at most one value unless `multiple`. */
  value: readonly T[];
  onChange: (value: T[]) => void;
  /** Any number of values (each chip removes its own), else one (its chip's button clears it). */
  multiple?: boolean;
  /** Called with the trimmed text once typing pauses; the caller fetches matches for it. */
  onQueryChange: (q: string) => void;
  /** The matches the caller has, and the query they answer (only matches for the text in the box count). */
  results: { q: string; items: T[] } | undefined;
  texts: ComboboxTexts;
  error?: string | undefined;
  required?: boolean;
}

/**
 * A search-as-you-type combobox (ARIA 1.2 combobox with a listbox): arrows move through the
 * matches, Enter picks, Escape closes, then clears; the number of matches is announced.
 */
export function Combobox<T extends ComboboxOption>({
  label,
  value,
  onChange,
  multiple = false,
  onQueryChange,
  results,
  texts,
  error,
  required = false,
}: ComboboxProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(text, 200).trim();
  useEffect(() => onQueryChange(q), [q, onQueryChange]);
  const chosen = new Set(value.map((v) => v.id));
  const options = (results?.items ?? []).filter((option) => !chosen.has(option.id));
  const current = q.length > 0 && q === text.trim() && results?.q === q;
  const expanded = open && current;

  function pick(option: T) {
    onChange(multiple ? [...value, option] : [option]);
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
      if (expanded) event.preventDefault();
      const option = options[active];
      if (expanded && option) pick(option);
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
  const renderOption = (option: T, index: number) => (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: options stay unfocusable; the combobox input keeps focus and handles the keyboard (ARIA 1.2 combobox pattern)
    <li
      key={option.id}
      id={`${id}-opt-${option.id}`}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox (ARIA 1.2)
      role="option"
      aria-selected={index === active}
      className="combobox-field__option"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => pick(option)}
    >
      {option.label}
      {option.detail && <span className="muted"> – {option.detail}</span>}
    </li>
  );
  const activeOption = expanded ? options[active] : undefined;

  return (
    <div className="form__field combobox-field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {value.length > 0 && (
        <ul className="combobox-field__chosen" aria-label={`${label}: ${texts.selected}`}>
          {value.map((chosenValue) => (
            <li key={chosenValue.id} className="combobox-field__chip">
              <span>{chosenValue.label}</span>
              <button
                type="button"
                className="combobox-field__change"
                aria-label={
                  multiple ? (texts.remove?.(chosenValue.label) ?? texts.change) : `${texts.change}: ${label}`
                }
                onClick={() => {
                  onChange(value.filter((v) => v.id !== chosenValue.id));
                  // The input returns in place of the chip: put focus there rather than losing it.
                  requestAnimationFrame(() => document.getElementById(id)?.focus());
                }}
              >
                {multiple ? '×' : texts.change}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(multiple || value.length === 0) && (
        <div className="combobox-field__box">
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
            className="combobox-field__list"
            hidden={!expanded}
          >
            {groupsOf(options).map((group, g) =>
              group.label === undefined ? (
                group.items.map(({ option, index }) => renderOption(option, index))
              ) : (
                // The listbox owns the group through a presentational item (a list's child is a list item).
                <li key={`group-${group.label}`} role="none">
                  {/* biome-ignore lint/a11y/useSemanticElements: a group of the listbox's options (ARIA listbox with grouped options); a fieldset is for form controls */}
                  <ul role="group" aria-labelledby={`${id}-group-${g}`} className="combobox-field__sublist">
                    <li id={`${id}-group-${g}`} role="presentation" className="combobox-field__group">
                      {group.label}
                    </li>
                    {group.items.map(({ option, index }) => renderOption(option, index))}
                  </ul>
                </li>
              ),
            )}
          </ul>
        </div>
      )}
      <p className="hint" id={hintId}>
        {texts.hint}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {expanded ? (options.length ? texts.results(options.length) : texts.noMatches) : ''}
      </p>
      {expanded && options.length === 0 && (
        <p className="muted" aria-hidden="true">
          {texts.noMatches}
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
