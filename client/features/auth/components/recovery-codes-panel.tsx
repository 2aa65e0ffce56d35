import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesPanelProps {
  codes: readonly string[];
  username: string;
  onContinue: () => void;
}

/** The recovery codes, shown this once: copy or download them, say they are saved, then go on. */
export function RecoveryCodesPanel({ codes, username, onContinue }: RecoveryCodesPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = [t('mfa.recoveryFileHeader', { username }), '', ...codes, ''].join('\n');

  function copy() {
    void navigator.clipboard?.writeText(text).then(() => setCopied(true));
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `recovery-codes-${username}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('mfa.recoveryTitle')}</h2>
      <p role="note">{t('mfa.recoveryWarning')}</p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={copy}>
          {copied ? t('mfa.copied') : t('mfa.copy')}
        </button>
        <button type="button" className="button" onClick={download}>
          {t('mfa.download')}
        </button>
      </div>
      <p>
        <label>
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />{' '}
          {t('mfa.savedThem')}
        </label>
      </p>
      <button type="button" className="button button--primary" disabled={!saved} onClick={onContinue}>
        {t('mfa.continue')}
      </button>
    </section>
  );
}
