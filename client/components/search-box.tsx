import { useEffect, useId, useRef, useState } from 'react';
import { useDebouncedValue } from '../lib/use-debounced-value';

const DEBOUNCE_MS = 250;

interface SearchBoxProps {
  /** The search in the URL; the box follows it when it changes elsewhere (back button). */
  value: string;
  onSearch: (q: string) => void;
  label: string;
  hint: string;
}

/** Types freely; tells the page only once typing pauses. */
export function SearchBox({ value, onSearch, label, hint }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, DEBOUNCE_MS).trim();
  const lastSent = useRef(value);

  useEffect(() => {
    if (debounced === lastSent.current) return;
    lastSent.current = debounced;
    onSearch(debounced);
  }, [debounced, onSearch]);

  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <search className="search-box">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={100}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </search>
  );
}
