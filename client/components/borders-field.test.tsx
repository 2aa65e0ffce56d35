import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AgencyBorders } from '../../shared/agencies';
import { i18n } from '../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../test/render';
import { BordersField, BordersNote, UnitHistory } from './borders-field';

resetAfterEach();

function Page() {
  const [borders, setBorders] = useState<AgencyBorders>('current');
  return (
    <>
      <BordersField id="b" value={borders} onChange={setBorders} />
      <BordersNote borders={borders} subject="figures" />
    </>
  );
}

describe('the borders a per-agency figure is shown under', () => {
  it('says which units the figures are under, and follows the choice', () => {
    renderTranslated(<Page />);
    const select = screen.getByLabelText('Địa giới') as HTMLSelectElement;
    expect(select.value).toBe('current');
    expect(screen.getByText(/theo đơn vị hiện nay: số liệu các đơn vị đã sáp nhập/i)).toBeTruthy();
    fireEvent.change(select, { target: { value: 'recorded' } });
    expect(screen.getByText(/theo đơn vị tại thời điểm báo cáo/i)).toBeTruthy();
    expect(screen.queryByText(/theo đơn vị hiện nay: số liệu/i)).toBeNull();
  });

  it('marks a former unit with its last day and a successor with how many units it adds up', async () => {
    renderTranslated(
      <>
        <UnitHistory validTo="2025-06-30" formerUnits={0} />
        <UnitHistory validTo={null} formerUnits={2} />
        <UnitHistory validTo={null} formerUnits={0} />
      </>,
    );
    expect(screen.getByText('đến 30/06/2025')).toBeTruthy();
    expect(screen.getByText('gồm số liệu của 2 đơn vị cũ')).toBeTruthy();
    await i18n.changeLanguage('en');
    expect(await screen.findByText('includes 2 former units')).toBeTruthy();
  });
});
