import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** An otpauth:// URI as a QR code; the `qrcode` library is fetched only here, so the login page does not carry it. */
export function QrCode({ text }: { text: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((module) => {
        // A CommonJS package: its exports are the module's `default` (the namespace where a bundler lifted them).
        const qr = module.default ?? module;
        return qr.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      })
      .then((made) => {
        if (live) setSvg(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [text]);
  if (!svg) return <p className="muted">{t('mfa.qrLoading')}</p>;
  return (
    <img
      className="qr-code"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={t('mfa.qrLabel')}
      width={200}
      height={200}
    />
  );
}
