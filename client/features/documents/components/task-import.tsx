import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskImportPreview, TaskImportRow } from '../../../../shared/schemas/excel';
import { ExcelUpload, excelRefusalLines } from '../../../components/excel-upload';
import { ScrollRegion } from '../../../components/scroll-region';
import { formatDate } from '../../../lib/format';

/**
 * The tasks of a document read from an Excel sheet: uploaded, previewed with their agencies as found
 * (or each row's problems, "Dòng 5, cột C: …"), then put into the document form, which registers them
 * with the document in one transaction (`tasks.createDocument`). Nothing is saved before that, and
 * nothing is taken while any row has a problem.
 */
export function TaskImport({ onTake }: { onTake: (rows: TaskImportRow[]) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [preview, setPreview] = useState<TaskImportPreview | null>(null);
  const previewId = useId();
  const name = (a: { nameVi: string; nameEn: string }) => (lang === 'en' ? a.nameEn : a.nameVi);
  const problems = preview?.issues.length
    ? excelRefusalLines(t, i18n.language, 400, { reason: 'cells', cells: preview.issues }, 'row')
    : [];

  return (
    <details className="excel-transfer">
      <summary>{t('documents.import.title')}</summary>
      <p className="hint">{t('documents.import.intro')}</p>
      <p>
        <a className="button" href={`/export/task-import.xlsx?lang=${lang}`} download>
          {t('documents.import.downloadSheet')}
        </a>
      </p>
      <ExcelUpload
        url="/api/documents/task-import"
        label={t('documents.import.uploadLabel')}
        by="row"
        onUploaded={(body) => setPreview(body as TaskImportPreview)}
      />
      {preview && (
        <div className="task-import__preview">
          <h2 id={previewId}>{t('documents.import.previewTitle', { count: preview.rows.length })}</h2>
          {problems.length > 0 && (
            <div className="error-summary" role="alert">
              <p className="error-summary__title">
                {t('documents.import.rowsWithProblems', { count: problems.length })}
              </p>
              <ul className="error-summary__list">
                {problems.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          {preview.rows.length > 0 && (
            <ScrollRegion labelledBy={previewId}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('documents.import.row')}</th>
                    <th scope="col">{t('documents.create.taskTitle')}</th>
                    <th scope="col">{t('documents.create.lead')}</th>
                    <th scope="col">{t('documents.create.coordinators')}</th>
                    <th scope="col">{t('documents.create.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.row}>
                      <td>{row.row}</td>
                      <td>{row.title}</td>
                      <td>{name(row.lead)}</td>
                      <td>{row.coordinators.map(name).join('; ')}</td>
                      <td>{row.deadline ? formatDate(row.deadline) : t('documents.create.noDeadline')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={preview.rows.length === 0 || preview.issues.length > 0}
              onClick={() => {
                onTake(preview.rows);
                setPreview(null);
              }}
            >
              {t('documents.import.take', { count: preview.rows.length })}
            </button>
          </div>
          {preview.issues.length > 0 && <p className="hint">{t('documents.import.fixFirst')}</p>}
        </div>
      )}
    </details>
  );
}
