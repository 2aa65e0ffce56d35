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

/** An administration panel with its title, always open on its page (`level` 3 under a group's heading). */
export function AdminPanel({
  title,
  children,
  level = 2,
}: {
  title: string;
  children: ReactNode;
  level?: 2 | 3;
}) {
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {children}
    </section>
  );
}
