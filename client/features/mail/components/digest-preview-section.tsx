import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigestPreview } from '../../../../shared/schemas/mail';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { useDigestPreview } from '../api/mail-queries';
import './mail.css';

/**
 * "What will tomorrow morning's mail say?": the user's next daily digest as the server would write it
 * now, in the mail's own words (subject and text, links included). Asked for on demand, and again each
 * time it is opened: it reads what awaits the user at this moment.
 */
export function DigestPreviewSection() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = useDigestPreview(open);
  return (
    <section className="digest-preview" aria-labelledby="digest-preview-title">
      <h2 id="digest-preview-title">{t('mail.preview.title')}</h2>
      <p className="hint">{t('mail.preview.intro')}</p>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="digest-preview-body"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t('mail.preview.hide') : t('mail.preview.show')}
      </button>
      <div id="digest-preview-body" hidden={!open}>
        {open &&
          (preview.isPending ? (
            <Spinner />
          ) : preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : (
            <DigestPreviewBody preview={preview.data} />
          ))}
      </div>
    </section>
  );
}

/** What the preview says, given the server's answer (tested alone). */
export function DigestPreviewBody({ preview }: { preview: DigestPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        {t('mail.preview.forDay', { day: formatDate(preview.day) })}
        {!preview.hasAddress && ` ${t('mail.preview.noAddress')}`}
      </p>
      {preview.subject === null ? (
        <p className="muted">{t('mail.preview.nothing')}</p>
      ) : (
        <article className="digest-preview__mail" aria-label={t('mail.preview.mailLabel')}>
          <p className="digest-preview__subject">
            <strong>{t('mail.preview.subject')}</strong> {preview.subject}
          </p>
          <pre className="digest-preview__text" data-testid="digest-preview-text">
            {preview.text}
          </pre>
        </article>
      )}
    </>
  );
}
