import { useTranslation } from 'react-i18next';
import { formatPercent } from '../lib/format';
import './progress-bar.css';

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const { i18n } = useTranslation();
  const text = formatPercent(percent, i18n.language);
  return (
    <div className="progress">
      <progress className="progress__bar" max={100} value={percent} aria-label={label}>
        {text}
      </progress>
      <span className="progress__value">{text}</span>
    </div>
  );
}
