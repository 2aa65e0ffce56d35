import type { ReactNode } from 'react';

/** Its name: a text of its own, or the id of what names it already (the table's caption). */
type ScrollRegionName = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

/** A wide table's frame, scrollable from the keyboard and named for screen readers. */
export function ScrollRegion({ label, labelledBy, children }: ScrollRegionName & { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone screen must be scrollable from the keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
