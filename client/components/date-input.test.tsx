import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderTranslated, resetAfterEach } from '../test/render';
import { DateInput, readDisplayDate } from './date-input';

describe('reading a typed date', () => {
  it.each([
    ['31/12/2026', '2026-12-31'],
    ['3/1/2026', '2026-01-03'],
    [' 03.01.2026 ', '2026-01-03'],
    ['29/02/2028', '2028-02-29'],
    ['2026-12-31', '2026-12-31'], // pasted the ISO way: unambiguous
    ['', ''],
    ['   ', ''],
  ])('"%s" is %s', (text, iso) => {
    expect(readDisplayDate(text)).toBe(iso);
  });

  it.each([
    '29/02/2026', // not a leap year
    '31/04/2026',
    '12/31/2026', // month first, as an English browser writes it
    '2026-02-31',
    '3/1/20',
    'hôm nay',
  ])('"%s" is not a date yet', (text) => {
    expect(readDisplayDate(text)).toBeNull();
  });
});

function Filter({ initial, onChange }: { initial: string; onChange: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="from">Thời hạn từ ngày</label>
      <DateInput
        id="from"
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
      <button type="button" onClick={() => setValue('')}>
        Xoá bộ lọc
      </button>
    </>
  );
}

describe('DateInput', () => {
  resetAfterEach();
  const box = () => screen.getByLabelText('Thời hạn từ ngày') as HTMLInputElement;

  it('shows the date it holds as dd/mm/yyyy', () => {
    renderTranslated(<Filter initial="2026-11-05" onChange={() => undefined} />);
    expect(box().value).toBe('05/11/2026');
    expect(box().getAttribute('type')).toBe('text');
  });

  it('applies a date once it is whole and real, never a half-typed one', () => {
    const onChange = vi.fn();
    renderTranslated(<Filter initial="" onChange={onChange} />);
    fireEvent.change(box(), { target: { value: '3/1/20' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(box(), { target: { value: '3/1/2026' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-01-03');
    // What the user typed stays as typed.
    expect(box().value).toBe('3/1/2026');
    fireEvent.change(box(), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('marks a text that is not a date when the user leaves it, and leaves the filter alone', () => {
    const onChange = vi.fn();
    renderTranslated(<Filter initial="2026-11-05" onChange={onChange} />);
    fireEvent.change(box(), { target: { value: '31/02/2026' } });
    expect(box().getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(box());
    expect(box().getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText(/hãy nhập một ngày có thật theo dạng dd\/mm\/yyyy/);
    expect(box().getAttribute('aria-describedby')).toContain(error.id);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(box(), { target: { value: '28/02/2026' } });
    expect(box().getAttribute('aria-invalid')).toBeNull();
    expect(onChange).toHaveBeenLastCalledWith('2026-02-28');
  });

  it('follows a change made elsewhere (clearing the filters)', () => {
    renderTranslated(<Filter initial="2026-11-05" onChange={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Xoá bộ lọc' }));
    expect(box().value).toBe('');
  });
});
