import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_SIGNING, SIGNING_FIELDS, type Signing } from '../lib/signed-pdf';
import './signed-pdf-download.css';

/**
 * "Tải PDF" for a printable report, with its signing details folded away under it: the defaults suit
 * most downloads.
 */
export function SignedPdfDownload({ href }: { href: (signing: Signing) => string }) {
  const { t } = useTranslation();
  const id = useId();
  const [signing, setSigning] = useState<Signing>(NO_SIGNING);
  return (
    <div className="signed-pdf no-print">
      <a className="button" href={href(signing)} download>
        {t('signedPdf.download')}
      </a>
      <details className="signed-pdf__signing">
        <summary>{t('signedPdf.title')}</summary>
        <p className="hint">{t('signedPdf.intro')}</p>
        <div className="signed-pdf__fields">
          {SIGNING_FIELDS.map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>{t(`signedPdf.${key}`)}</label>
              <input
                id={`${id}-${key}`}
                value={signing[key]}
                inputMode={key === 'number' ? 'numeric' : undefined}
                aria-describedby={`${id}-${key}-hint`}
                onChange={(event) => setSigning({ ...signing, [key]: event.target.value })}
              />
              <p className="hint" id={`${id}-${key}-hint`}>
                {t(`signedPdf.${key}Hint`)}
              </p>
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
