import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAgencyOptions } from '../api/task-list-queries';

interface AgencyComboboxProps {
  /** The chosen agency's name, or null when no agency filters the list. */
  chosenName: string | null;
  onChoose: (agencyId: number | undefined) => void;
}

/** An ARIA 1.2 combobox: type, move with the arrow keys, Enter to choose, Escape to close. */
export function AgencyCombobox({ chosenName, onChoose }: AgencyComboboxProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(text.trim(), 250);
  const options = useAgencyOptions(q);
  const items = q ? (options.data?.items ?? []) : [];
  const expanded = open && items.length > 0;
  const nothingFound = open && q.length > 0 && items.length === 0 && !options.isFetching && options.isSuccess;

  function choose(index: number) {
    const item = items[index];
    if (!item) return;
    onChoose(item.id);
    setText('');
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (items.length ? (i + 1) % items.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (items.length ? (i <= 0 ? items.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="field combobox">
      <label htmlFor={id}>{t('taskList.agency')}</label>
      {chosenName && (
        <p className="chip">
          <span>{t('taskList.agencyChosen', { name: chosenName })}</span>
          <button type="button" className="button button--small" onClick={() => onChoose(undefined)}>
            {t('taskList.clearAgency')}
          </button>
        </p>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={text}
        maxLength={100}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('taskList.agencyHint')}
      </p>
      <div
        id={listId}
        role="listbox"
        className="combobox__list"
        hidden={!expanded}
        aria-label={t('taskList.agency')}
      >
        {expanded &&
          items.map((item, index) => (
            <div
              key={item.id}
              tabIndex={-1}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className="combobox__option"
              // Choose on mousedown so the input's blur does not close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
            >
              {i18n.language === 'en' ? item.nameEn : item.nameVi}
              {item.parentNameVi && (
                <span className="muted">
                  {' '}
                  · {i18n.language === 'en' ? item.parentNameEn : item.parentNameVi}
                </span>
              )}
            </div>
          ))}
      </div>
      {nothingFound && (
        <p className="combobox__empty" role="status">
          {t('taskList.agencyNone')}
        </p>
      )}
    </div>
  );
}
