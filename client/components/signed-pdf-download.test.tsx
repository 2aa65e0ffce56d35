import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedPdfHref } from '../lib/signed-pdf';
import { renderTranslated, resetAfterEach } from '../test/render';
import { SignedPdfDownload } from './signed-pdf-download';

resetAfterEach();

describe('downloading a report as a PDF to sign', () => {
  it('offers the PDF with the defaults, and puts the signing details the reader gives into its address', () => {
    renderTranslated(
      <SignedPdfDownload
        href={(signing) => signedPdfHref('/export/kpis.pdf', { pillar: 'data' }, signing)}
      />,
    );
    const link = screen.getByRole('link', { name: 'Tải PDF' });
    expect(link.getAttribute('href')).toBe('/export/kpis.pdf?pillar=data');
    fireEvent.click(screen.getByText('Thông tin ký ban hành (bản PDF)'));
    fireEvent.change(screen.getByLabelText('Số văn bản'), { target: { value: '15' } });
    fireEvent.change(screen.getByLabelText('Họ và tên người ký'), { target: { value: 'Nguyễn Văn An' } });
    expect(link.getAttribute('href')).toBe(
      '/export/kpis.pdf?pillar=data&number=15&signerName=Nguy%E1%BB%85n+V%C4%83n+An',
    );
    // Each field says what a blank one means.
    expect(screen.getByLabelText('Họ và tên người ký').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Để trống để ghi tay khi ký.')).toBeTruthy();
  });
});
