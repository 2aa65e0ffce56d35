import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppErrorCode } from '../../shared/errors';
import {
  EXCEL_FILE_PROBLEMS,
  EXCEL_UPLOAD_MAX_BYTES,
  type ExcelUploadRefusal,
} from '../../shared/schemas/excel';
import { FileInput } from './file-input';
import { Field } from './form-field';

/**
 * What a refused Excel upload says, one line per problem in the reader's language: the file's reason,
 * or each cell ("C7: phải là số nguyên"), or each row and column of a sheet of rows ("Dòng 5, cột C: …").
 */
export function excelRefusalLines(
  t: TFunction,
  language: string,
  status: number,
  body: Partial<ExcelUploadRefusal> | null,
  by: 'cell' | 'row' = 'cell',
): string[] {
  if (body?.reason === 'cells' && body.cells?.length) {
    return body.cells.map((c) => {
      const message =
        c.code === 'rule'
          ? ((language === 'en' ? c.messageEn : c.messageVi) ?? '')
          : t(`excel.cell.${c.code}`, { min: c.min, max: c.max, value: c.value ?? '' });
      return by === 'row'
        ? t('excel.rowLine', { row: c.row, column: c.column, message })
        : t('excel.cellLine', { cell: c.cell, message });
    });
  }
  const reason = body?.reason;
  if (reason === 'staleVersion' || (status === 409 && !reason)) return [t('excel.file.staleVersion')];
  if (reason && isFileReason(reason))
    return [
      t(`excel.file.${reason}`, {
        sheet: body?.sheet ?? '',
        max: (body as { max?: number } | null)?.max ?? 0,
        mb: Math.round((body?.maxBytes ?? EXCEL_UPLOAD_MAX_BYTES) / 1024 / 1024),
      }),
    ];
  const code = (body as { error?: string } | null)?.error;
  if (isAppErrorCode(code) && code !== 'VALIDATION') return [t(`errors.${code}`)];
  return [t('excel.file.other', { status })];
}

const FILE_REASONS = [...EXCEL_FILE_PROBLEMS, 'staleVersion'] as const;
type FileReason = (typeof FILE_REASONS)[number];
const isFileReason = (reason: string): reason is FileReason =>
  (FILE_REASONS as readonly string[]).includes(reason);

interface ExcelUploadProps {
  /** Where the file is posted (multipart, one file named `file`). */
  url: string;
  /** The field's label. */
  label: string;
  /** The successful answer's body. */
  onUploaded: (body: unknown) => void;
  /** How problems are located: by cell (a form) or by row and column (a sheet of rows). */
  by?: 'cell' | 'row';
}

/**
 * Chooses an .xlsx file and posts it; a refusal is listed under the control, one line per cell or row,
 * and nothing else on the page changes (the server saved nothing). The list is announced (role=alert)
 * and receives the focus, so a keyboard or screen-reader user lands on what to fix.
 */
export function ExcelUpload({ url, label, onUploaded, by = 'cell' }: ExcelUploadProps) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  // Each new refusal takes the focus to its list.
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown > 0) listRef.current?.focus();
  }, [shown]);
  const show = (lines: string[]) => {
    setProblems(lines);
    setShown((n) => n + 1);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return show([t('excel.file.noFile')]);
    if (file.size > EXCEL_UPLOAD_MAX_BYTES)
      return show([t('excel.file.fileTooLarge', { mb: EXCEL_UPLOAD_MAX_BYTES / 1024 / 1024 })]);
    setPending(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
      const json = (await res.json().catch(() => null)) as unknown;
      if (!res.ok) {
        show(excelRefusalLines(t, i18n.language, res.status, json as Partial<ExcelUploadRefusal> | null, by));
        return;
      }
      setProblems([]);
      onUploaded(json);
    } catch {
      show([t('errors.NETWORK')]);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form excel-upload" noValidate onSubmit={handleSubmit} aria-busy={pending}>
      <Field label={label}>
        {(control) => (
          <FileInput
            control={control}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            fileName={file?.name ?? null}
            onChange={(chosen) => {
              setFile(chosen);
              setProblems([]);
            }}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('excel.uploading') : t('excel.upload')}
        </button>
      </div>
      {problems.length > 0 && (
        <div ref={listRef} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
          <p className="error-summary__title" id={titleId}>
            {t('excel.refusedTitle')}
          </p>
          <ul className="error-summary__list">
            {problems.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
