import { fireEvent, screen, within } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * The form's error summary after a refused submission: it holds the focus and lists each message, in
 * the form's order, as a link to its field; following a link focuses that field.
 */
export function expectErrorSummary(
  entries: [message: string, field: HTMLElement][],
  title = 'Có lỗi cần sửa',
) {
  const summary = screen.getByRole('alert', { name: title });
  expect(document.activeElement).toBe(summary);
  const links = within(summary).getAllByRole('link');
  expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual(
    entries.map(([message, field]) => [message, `#${field.id}`]),
  );
  for (const [i, [, field]] of entries.entries()) {
    fireEvent.click(links[i] as HTMLElement);
    expect(document.activeElement).toBe(field);
  }
}

/** Where a message is shown: under its field and in the summary, and nowhere else (no second alert). */
export function placesOf(message: string | RegExp): string[] {
  return screen
    .getAllByText(message)
    .map((el) =>
      el.classList.contains('form__error') ? 'field' : el.closest('.error-summary') ? 'summary' : 'elsewhere',
    )
    .sort();
}
