import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ClosablePanelProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** An administration panel opened over a list; focus moves to its heading when it opens. */
export function ClosablePanel({ title, closeLabel, onClose, children }: ClosablePanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <div className="page__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {children}
    </section>
  );
}

/** An administration panel with its title, always open on its page. */
export function AdminPanel({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
