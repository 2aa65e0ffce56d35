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

/**
 * Types freely; tells the page only once typing pauses. A search still pending when the user has
 * already left the page (typed, then clicked a row of the old list) is dropped: it would write the
 * list's URL over the page they went to and take them back.
 */
export function SearchBox({ value, onSearch, label, hint }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, DEBOUNCE_MS).trim();
  const lastSent = useRef(value);
  const pathname = useRef(window.location.pathname);

  useEffect(() => {
    if (debounced === lastSent.current) return;
    lastSent.current = debounced;
    // The router writes the new address at once and renders the new page in a transition, so the
    // address, not the router's state, says whether the user is still here.
    if (window.location.pathname !== pathname.current) return;
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
