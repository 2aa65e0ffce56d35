import { useTranslation } from 'react-i18next';
import { ExcelUpload } from '../../../components/excel-upload';

interface ExcelFormTransferProps {
  templateId: number;
  periodKey: string;
  /** The submission's version the page holds; absent before the first save. */
  version?: number | undefined;
  /** The draft the upload saved (`saveDraft`'s answer). */
  onSaved: (saved: { id: number; version: number }) => void;
}

/**
 * The report as an Excel form: download it (prefilled with the saved draft), fill it offline, upload it.
 * The upload is saved as the draft, or refused cell by cell with nothing saved and the form unchanged.
 */
export function ExcelFormTransfer({ templateId, periodKey, version, onSaved }: ExcelFormTransferProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const query = `templateId=${templateId}&periodKey=${encodeURIComponent(periodKey)}&lang=${lang}`;
  return (
    <details className="excel-transfer">
      <summary>{t('reports.excelForm.title')}</summary>
      <p className="hint">{t('reports.excelForm.intro')}</p>
      <p>
        <a className="button" href={`/export/report-form.xlsx?${query}`} download>
          {t('reports.excelForm.download')}
        </a>
      </p>
      <ExcelUpload
        url={`/api/reports/form?${query}${version === undefined ? '' : `&version=${version}`}`}
        label={t('reports.excelForm.uploadLabel')}
        onUploaded={(body) => onSaved(body as { id: number; version: number })}
      />
    </details>
  );
}
