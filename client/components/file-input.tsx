import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './form-field';
import './forms.css';

interface FileInputProps {
  control: ControlProps;
  accept?: string;
  /** The chosen file's name, or null when none is chosen. */
  fileName: string | null;
  onChange: (file: File | null) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A file chooser worded in the reader's language ("Chọn tệp", "Chưa chọn tệp") instead of the browser's
 * ("Choose File", "No file chosen"). The native input stays the control, transparent over the visible
 * button: it keeps the field's label, the keyboard and screen readers, and a click anywhere on the
 * button opens the browser's file dialog.
 */
export function FileInput({ control, accept, fileName, onChange, ref }: FileInputProps) {
  const { t } = useTranslation();
  const statusId = `${control.id}-file`;
  const describedBy = [control['aria-describedby'], statusId].filter(Boolean).join(' ');
  return (
    <div className="file-input">
      <span className="file-input__box">
        <input
          {...control}
          ref={ref}
          className="file-input__native"
          type="file"
          accept={accept}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
        <span className="button file-input__button" aria-hidden="true">
          {t('validation.chooseFile')}
        </span>
      </span>
      <span className="file-input__name" id={statusId}>
        {fileName ?? t('validation.noFileChosen')}
      </span>
    </div>
  );
}
