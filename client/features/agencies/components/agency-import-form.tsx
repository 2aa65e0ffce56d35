import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyImportInput, AgencyImportReport } from '../../../../shared/schemas/agencies';
import { AdminPanel } from '../../../components/admin-panel';
import { ErrorState } from '../../../components/error-state';
import { TextField } from '../../../components/form-controls';
import { formatDate } from '../../../lib/format';

type Send = (input: AgencyImportInput) => Promise<AgencyImportReport>;

/** The problems a refused apply carries (VALIDATION / badUnitList), if that is what the error is. */
function problemsOf(error: unknown): AgencyImportReport['problems'] | null {
  const details = (error as { data?: { details?: { reason?: string; problems?: unknown } | null } })?.data
    ?.details;
  return details?.reason === 'badUnitList' && Array.isArray(details.problems)
    ? (details.problems as AgencyImportReport['problems'])
    : null;
}

/**
 * The administrator loads a real unit list (CSV with codes): a preview of what it changes first, then
 * the same list applied (docs/decisions/0028-time-versioned-agencies.md). A list with any problem is
 * shown line by line and cannot be applied.
 */
export function AgencyImportForm({ preview, apply }: { preview: Send; apply: Send }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [report, setReport] = useState<AgencyImportReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const ready = csv !== '' && /^\d{4}-\d{2}-\d{2}$/.test(effectiveOn);
  const canApply = report !== null && !report.applied && report.problems.length === 0;

  async function run(send: Send) {
    setPending(true);
    setFailure(null);
    try {
      setReport(await send({ csv, effectiveOn }));
    } catch (error) {
      const problems = problemsOf(error);
      if (problems) setReport({ ...emptyReport(), problems });
      else setFailure(error);
    } finally {
      setPending(false);
    }
  }

  function onPreview(event: FormEvent) {
    event.preventDefault();
    if (ready) void run(preview);
  }

  return (
    <AdminPanel title={t('agencyImport.title')}>
      <p className="hint">{t('agencyImport.intro')}</p>
      <form className="form" noValidate onSubmit={onPreview}>
        <div className="field">
          <label htmlFor={fileId}>{t('agencyImport.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const file = event.target.files?.[0];
              setReport(null);
              setFileName(file?.name ?? '');
              if (file) void file.text().then(setCsv);
              else setCsv('');
            }}
          />
        </div>
        <TextField
          label={t('agencyImport.effectiveOn')}
          hint={t('agencyImport.effectiveOnHint')}
          type="date"
          required
          value={effectiveOn}
          onChange={(value) => {
            setEffectiveOn(value);
            setReport(null);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={!ready || pending}>
            {t('agencyImport.preview')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!canApply || pending}
            onClick={() => void run(apply)}
          >
            {t('agencyImport.apply')}
          </button>
        </div>
      </form>
      {failure !== null && <ErrorState error={failure} />}
      {report && <ImportReport report={report} fileName={fileName} />}
    </AdminPanel>
  );
}

function emptyReport(): AgencyImportReport {
  return {
    applied: false,
    problems: [],
    added: [],
    renamed: [],
    moved: [],
    expired: [],
    changes: [],
    unchanged: 0,
  };
}

/** What the list changes (or changed), or each problem with its line: in the reader's language. */
function ImportReport({ report, fileName }: { report: AgencyImportReport; fileName: string }) {
  const { t } = useTranslation();
  if (report.problems.length)
    return (
      <div role="alert">
        <p>{t('agencyImport.badUnitList')}</p>
        <ul>
          {report.problems.map((p) => (
            <li key={`${p.line}-${p.field}-${p.reason}`}>
              {t('agencyImport.problemAt', {
                line: p.line,
                field: p.field,
                problem: t(`agencyImport.problems.${p.reason}`),
              })}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <section aria-live="polite">
      <p>
        {t(report.applied ? 'agencyImport.appliedSummary' : 'agencyImport.previewSummary', {
          file: fileName,
          added: report.added.length,
          renamed: report.renamed.length,
          moved: report.moved.length,
          expired: report.expired.length,
          changes: report.changes.length,
          unchanged: report.unchanged,
        })}
      </p>
      <ul>
        {report.added.map((u) => (
          <li key={`a-${u.code}`}>{t('agencyImport.addedLine', u)}</li>
        ))}
        {report.renamed.map((u) => (
          <li key={`r-${u.code}`}>{t('agencyImport.renamedLine', u)}</li>
        ))}
        {report.moved.map((u) => (
          <li key={`m-${u.code}`}>
            {t('agencyImport.movedLine', { code: u.code, from: u.fromParent ?? '—', to: u.toParent ?? '—' })}
          </li>
        ))}
        {report.expired.map((u) => (
          <li key={`e-${u.code}`}>
            {t('agencyImport.expiredLine', { code: u.code, nameVi: u.nameVi, date: formatDate(u.validTo) })}
          </li>
        ))}
        {report.changes.map((c) => (
          <li key={`c-${c.kind}-${c.to.join()}-${c.from.join()}`}>
            {t('agencyImport.changeLine', {
              kind: t(`agencyImport.kinds.${c.kind}`),
              from: c.from.join(', '),
              to: c.to.join(', '),
              date: formatDate(c.effectiveOn),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
