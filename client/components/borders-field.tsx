import { useTranslation } from 'react-i18next';
import { AGENCY_BORDERS, type AgencyBorders } from '../../shared/agencies';
import { formatDate } from '../lib/format';

/**
 * Under which units a per-agency figure is shown: today's (former units added to their successor) or as
 * recorded (docs/decisions/0028-time-versioned-agencies.md). The choice and the sentence that says it.
 */
export function BordersField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: AgencyBorders;
  onChange: (value: AgencyBorders) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('borders.label')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as AgencyBorders)}>
        {AGENCY_BORDERS.map((b) => (
          <option key={b} value={b}>
            {t(b === 'current' ? 'borders.current' : 'borders.recorded')}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What the figures rest on, in a sentence: which units (tasks or reported figures). */
export type BordersSubject = 'tasks' | 'figures';

export function BordersNote({ borders, subject }: { borders: AgencyBorders; subject: BordersSubject }) {
  const { t } = useTranslation();
  const key =
    subject === 'tasks'
      ? borders === 'current'
        ? 'borders.tasksCurrent'
        : 'borders.tasksRecorded'
      : borders === 'current'
        ? 'borders.figuresCurrent'
        : 'borders.figuresRecorded';
  return <p className="borders-note">{t(key)}</p>;
}

/** Under an agency's name: the day a former unit ended, or how many former units a row adds up. */
export function UnitHistory({ validTo, formerUnits }: { validTo: string | null; formerUnits: number }) {
  const { t } = useTranslation();
  return (
    <>
      {validTo && (
        <span className="unit-history">{t('borders.unitEnded', { date: formatDate(validTo) })}</span>
      )}
      {formerUnits > 0 && (
        <span className="unit-history">{t('borders.formerUnits', { n: formerUnits })}</span>
      )}
    </>
  );
}
