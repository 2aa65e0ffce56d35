import { type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { holidayInput } from '../../../../shared/schemas/holidays';
import { vietnamDate } from '../../../../shared/time';
import { AdminPanel } from '../../../components/admin-panel';
import { BilingualNameFields } from '../../../components/bilingual-name-fields';
import { ErrorState } from '../../../components/error-state';
import { SelectField, SubmitButton, TextField } from '../../../components/form-controls';
import { describeServerError, zodFieldErrors } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { Spinner } from '../../../components/spinner';
import { useFormSubmit } from '../../../components/use-form-submit';
import { errorMessage } from '../../../lib/error-message';
import { formatDate, formatWeekday } from '../../../lib/format';
import { useCurrentUserQuery } from '../../../lib/use-current-user';
import { usePageTitle } from '../../../lib/use-page-title';
import { useAddHoliday, useHolidays, useRemoveHoliday } from '../api/holiday-queries';

const EMPTY = { date: '', nameVi: '', nameEn: '' };

/** The holiday calendar report deadlines are counted over, year by year; the administrator keeps it. */
export function HolidaysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('holidayAdmin.title'));
  const thisYear = Number(vietnamDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const list = useHolidays(year);
  const me = useCurrentUserQuery();
  const admin = me.data?.role === 'admin';
  const add = useAddHoliday();
  const remove = useRemoveHoliday();
  const [removal, setRemoval] = useState<{ kind: 'alert' | 'status'; text: string } | null>(null);
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const message = useCallback(
    (key: string, path: string) => {
      const labels: Record<string, string> = {
        date: t('holidayAdmin.date'),
        nameVi: t('holidayAdmin.nameVi'),
        nameEn: t('holidayAdmin.nameEn'),
      };
      if (key === 'invalidDate') return t('holidayAdmin.invalidDate');
      if (key === 'holidayExists') return t('holidayAdmin.holidayExists');
      if (key === 'tooLong') return t('validation.tooLong', { field: labels[path] ?? path });
      return t('validation.required', { field: (labels[path] ?? path).toLocaleLowerCase() });
    },
    [t],
  );
  const describe = useCallback(
    (error: unknown) =>
      describeServerError(error, t, (reason, field) =>
        reason === 'holidayExists' || reason === 'invalidDate' ? message(reason, field ?? 'date') : undefined,
      ),
    [message, t],
  );
  const submit = useFormSubmit(formRef, describe);
  const rows = (list.data ?? []).filter((h) => h.date.startsWith(String(year)));

  function onAdd(event: FormEvent) {
    event.preventDefault();
    const parsed = holidayInput.safeParse(values);
    if (!parsed.success) {
      submit.setErrors(zodFieldErrors(parsed.error, message));
      return;
    }
    const input = parsed.data;
    void submit.run(
      () => add.mutateAsync(input),
      () => {
        setAdded(input.date);
        setValues(EMPTY);
        const addedYear = Number(input.date.slice(0, 4));
        if (addedYear !== year) setYear(addedYear);
      },
    );
  }

  const weekday = (date: string) => formatWeekday(date, i18n.language);

  return (
    <section className="page">
      <h1>{t('holidayAdmin.title')}</h1>
      <p className="hint">{t('holidayAdmin.intro')}</p>
      <p>
        <Link to="/admin/templates">{t('templateAdmin.title')}</Link>
      </p>
      <SelectField
        label={t('holidayAdmin.year')}
        options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({
          value: String(y),
          label: String(y),
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
        <div className="table-scroll">
          <table className="data-table" data-testid="holiday-table">
            <caption>
              {t('holidayAdmin.caption', { year })} · {t('holidayAdmin.count', { count: rows.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('holidayAdmin.date')}</th>
                <th scope="col">{t('holidayAdmin.weekday')}</th>
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
                  <td>{h.nameVi}</td>
                  <td lang="en">{h.nameEn}</td>
                  {admin && (
                    <td>
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
        </div>
      )}

      {admin ? (
        <AdminPanel title={t('holidayAdmin.addTitle')}>
          <form ref={formRef} className="form" noValidate onSubmit={onAdd}>
            <SubmitFeedback
              submit={submit}
              successText={t('holidayAdmin.added', { date: added ? formatDate(added) : '' })}
            />
            <TextField
              label={t('holidayAdmin.date')}
              error={submit.errors.date}
              required
              type="date"
              value={values.date}
              onChange={(date) => setValues((v) => ({ ...v, date }))}
            />
            <BilingualNameFields
              labels={{ nameVi: t('holidayAdmin.nameVi'), nameEn: t('holidayAdmin.nameEn') }}
              values={values}
              errors={submit.errors}
              onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
            />
            <div className="form__actions">
              <SubmitButton
                pending={submit.pending}
                label={t('holidayAdmin.add')}
                pendingLabel={t('holidayAdmin.adding')}
              />
            </div>
          </form>
        </AdminPanel>
      ) : (
        <p className="notice" role="note">
          {t('holidayAdmin.readOnly')}
        </p>
      )}
    </section>
  );
}
