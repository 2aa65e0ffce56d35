import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n/i18n';
import { renderTranslated, resetAfterEach } from '../test/render';
import { FileInput } from './file-input';
import { Field } from './form-field';

function Evidence() {
  const [file, setFile] = useState<File | null>(null);
  return (
    <Field label="Tệp minh chứng" hint="PDF, tối đa 10 MB.">
      {(control) => <FileInput control={control} fileName={file?.name ?? null} onChange={setFile} />}
    </Field>
  );
}

describe('FileInput', () => {
  resetAfterEach();

  it('is worded in Vietnamese, labelled by its field, and names the chosen file', () => {
    renderTranslated(<Evidence />);
    const input = screen.getByLabelText('Tệp minh chứng');
    expect(input.getAttribute('type')).toBe('file');
    expect(screen.getByText('Chọn tệp')).toBeTruthy();
    const status = screen.getByText('Chưa chọn tệp');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(status.id);
    const file = new File(['%PDF-1.7'], 'bien-ban.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(screen.getByText('bien-ban.pdf')).toBeTruthy();
    expect(screen.queryByText('Chưa chọn tệp')).toBeNull();
  });

  it('in English', async () => {
    await i18n.changeLanguage('en');
    renderTranslated(<Evidence />);
    expect(screen.getByText('Choose file')).toBeTruthy();
    expect(screen.getByText('No file chosen')).toBeTruthy();
  });
});
