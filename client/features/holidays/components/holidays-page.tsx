import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isDayOffKind } from '../../../../shared/reporting-periods';
import { vietnamDate } from '../../../../shared/vietnam-date';
import { ErrorState } from '../../../components/error-state';
import { SelectField } from '../../../components/form-controls';
import { ScrollRegion } from '../../../components/scroll-region';
import { Spinner } from '../../../components/spinner';
import { errorMessage } from '../../../lib/error-message';
import { formatDate, formatWeekday } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useAddHoliday, useHolidays, useRemoveHoliday, useUpdateHoliday } from '../api/holiday-queries';
import { type CalendarEntry, HolidayForm } from './holiday-form';

/**
 * The working calendar report deadlines are counted over, year by year: days off and make-up working
 * days, each with its kind; the administrator keeps it.
 */
export function HolidaysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('holidayAdmin.title'));
  const thisYear = Number(vietnamDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const list = useHolidays(year);
  const me = useCurrentUserQuery();
  const admin = me.data?.role === 'admin';
  const add = useAddHoliday();
  const update = useUpdateHoliday();
  const remove = useRemoveHoliday();
  const [removal, setRemoval] = useState<{ kind: 'alert' | 'status'; text: string } | null>(null);
  const [editing, setEditing] = useState<CalendarEntry | null>(null);
  const rows = list.data ?? [];
  const workdays = rows.filter((h) => !isDayOffKind(h.kind)).length;

  const weekday = (date: string) => formatWeekday(date, i18n.language);

  return (
    <section className="page">
      <h1>{t('holidayAdmin.title')}</h1>
      <p className="hint">{t('holidayAdmin.intro')}</p>
      <p>
        <Link to="/admin/templates">{t('templateAdmin.title')}</Link>
        {admin && (
          <>
            {' · '}
            <Link to="/admin/escalation">{t('escalationAdmin.link')}</Link>
          </>
        )}
      </p>
      <SelectField
        label={t('holidayAdmin.year')}
        options={[-1, 0, 1, 2, 3, 4].map((n) => ({
          value: String(thisYear + n),
          label: String(thisYear + n),
        }))}
        value={String(year)}
        onChange={(value) => setYear(Number(value))}
      />
      <p
        className={removal?.kind === 'alert' ? 'form__alert' : 'form__success'}
        role={removal?.kind === 'alert' ? 'alert' : 'status'}
      >
        {removal?.text ?? ''}
      </p>
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <p role="status">{t('holidayAdmin.empty', { year })}</p>
      ) : (
        <ScrollRegion label={t('holidayAdmin.caption', { year })}>
          <table className="data-table" data-testid="holiday-table">
            <caption>
              {t('holidayAdmin.caption', { year })} ·{' '}
              {t('holidayAdmin.count', { count: rows.length - workdays })}
              {workdays > 0 && ` · ${t('holidayAdmin.workdayCount', { count: workdays })}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('holidayAdmin.date')}</th>
                <th scope="col">{t('holidayAdmin.weekday')}</th>
                <th scope="col">{t('holidayAdmin.kind')}</th>
                <th scope="col">{t('holidayAdmin.nameVi')}</th>
                <th scope="col">{t('holidayAdmin.nameEn')}</th>
                {admin && <th scope="col">{t('holidayAdmin.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.date}>
                  <th scope="row">
                    <time dateTime={h.date}>{formatDate(h.date)}</time>
                  </th>
                  <td>{weekday(h.date)}</td>
                  <td>
                    {t(`holidayAdmin.kinds.${h.kind}`)}
                    <span className="hint">
                      {' '}
                      · {isDayOffKind(h.kind) ? t('holidayAdmin.dayOff') : t('holidayAdmin.workingDay')}
                    </span>
                  </td>
                  <td>{h.nameVi}</td>
                  <td lang="en">{h.nameEn}</td>
                  {admin && (
                    <td className="actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => {
                          setRemoval(null);
                          setEditing(h);
                        }}
                      >
                        {t('holidayAdmin.edit', { date: formatDate(h.date) })}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button--small"
                        disabled={remove.isPending}
                        onClick={() => {
                          setRemoval(null);
                          remove.mutate(
                            { date: h.date },
                            {
                              onSuccess: () => {
                                if (editing?.date === h.date) setEditing(null);
                                setRemoval({
                                  kind: 'status',
                                  text: t('holidayAdmin.removed', { date: formatDate(h.date) }),
                                });
                              },
                              onError: (error) => setRemoval({ kind: 'alert', text: errorMessage(error, t) }),
                            },
                          );
                        }}
                      >
                        {t('holidayAdmin.remove', { date: formatDate(h.date) })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      {admin ? (
        <HolidayForm
          editing={editing}
          send={(input, mode) => (mode === 'add' ? add.mutateAsync(input) : update.mutateAsync(input))}
          onEditDone={() => setEditing(null)}
          onAdded={(entry) => {
            const addedYear = Number(entry.date.slice(0, 4));
            if (addedYear !== year) setYear(addedYear);
          }}
        />
      ) : (
        <p className="notice" role="note">
          {t('holidayAdmin.readOnly')}
        </p>
      )}
    </section>
  );
}
