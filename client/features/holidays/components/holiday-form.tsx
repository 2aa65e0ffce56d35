import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../../../shared/reporting-periods';
import { holidayInput } from '../../../../shared/schemas/holidays';
import { AdminPanel } from '../../../components/admin-panel';
import { BilingualNameFields } from '../../../components/bilingual-name-fields';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { FormActions, SelectField } from '../../../components/form-controls';
import { type FormVocabulary, useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatDate } from '../../../lib/format';

export type CalendarEntry = z.output<typeof holidayInput>;

interface HolidayFormProps {
  /** The entry being changed (its date is its key and stays); null to add one. */
  editing: CalendarEntry | null;
  send: (input: CalendarEntry, mode: 'add' | 'update') => Promise<unknown>;
  /** After a change is saved or given up: the page leaves the entry. */
  onEditDone: () => void;
  /** A day added in another year: the page shows that year. */
  onAdded?: (entry: CalendarEntry) => void;
}

const EMPTY = { date: '', kind: 'public_holiday' as string, nameVi: '', nameEn: '' };

function holidayVocabulary(t: TFunction): FormVocabulary {
  const labels: Record<string, string> = {
    date: t('holidayAdmin.date'),
    kind: t('holidayAdmin.kind'),
    nameVi: t('holidayAdmin.nameVi'),
    nameEn: t('holidayAdmin.nameEn'),
  };
  return {
    validation: 'holidayAdmin.validation',
    errors: 'holidayAdmin.errors',
    label: (path) => labels[path] ?? path,
  };
}

/**
 * The administrator adds a calendar entry or changes one: a day off (public holiday, substitute day,
 * exchange day) or a make-up working day, named in both languages.
 */
export function HolidayForm({ editing, send, onEditDone, onAdded }: HolidayFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(holidayVocabulary(t));
  const submit = useFormSubmit(formRef, describe);
  const [values, setValues] = useState(EMPTY);
  const [saved, setSaved] = useState<{ entry: CalendarEntry; mode: 'add' | 'update' } | null>(null);
  const { errors, reset } = submit;

  useEffect(() => {
    setValues(editing ? { ...editing, date: formatDate(editing.date) } : EMPTY);
    if (editing) reset();
  }, [editing, reset]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = holidayInput.safeParse({ ...values, date: parseDisplayDate(values.date) });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    const entry = parsed.data;
    const mode = editing ? 'update' : 'add';
    void submit.run(
      () => send(entry, mode),
      () => {
        setSaved({ entry, mode });
        if (mode === 'update') onEditDone();
        else {
          setValues(EMPTY);
          onAdded?.(entry);
        }
      },
    );
  }

  const successText = !saved
    ? ''
    : saved.mode === 'update'
      ? t('holidayAdmin.updated', { date: formatDate(saved.entry.date) })
      : saved.entry.kind === 'makeup_workday'
        ? t('holidayAdmin.addedWorkday', { date: formatDate(saved.entry.date) })
        : t('holidayAdmin.added', { date: formatDate(saved.entry.date) });

  return (
    <AdminPanel
      title={
        editing ? t('holidayAdmin.editTitle', { date: formatDate(editing.date) }) : t('holidayAdmin.addTitle')
      }
    >
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <SubmitFeedback submit={submit} successText={successText} />
        <DateField
          label={t('holidayAdmin.date')}
          error={errors.date}
          required
          readOnly={editing !== null}
          value={values.date}
          onChange={(date) => setValues((v) => ({ ...v, date }))}
        />
        <SelectField
          label={t('holidayAdmin.kind')}
          hint={t('holidayAdmin.kindHint')}
          error={errors.kind}
          required
          options={CALENDAR_DAY_KINDS.map((kind: CalendarDayKind) => ({
            value: kind,
            label: t(`holidayAdmin.kinds.${kind}`),
          }))}
          value={values.kind}
          onChange={(kind) => setValues((v) => ({ ...v, kind }))}
        />
        <BilingualNameFields
          labels={{ nameVi: t('holidayAdmin.nameVi'), nameEn: t('holidayAdmin.nameEn') }}
          values={values}
          errors={errors}
          onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
        />
        <FormActions
          pending={submit.pending}
          label={editing ? t('holidayAdmin.save') : t('holidayAdmin.add')}
          pendingLabel={editing ? t('holidayAdmin.saving') : t('holidayAdmin.adding')}
        >
          {editing && (
            <button
              type="button"
              className="button"
              onClick={() => {
                reset();
                onEditDone();
              }}
            >
              {t('holidayAdmin.cancelEdit')}
            </button>
          )}
        </FormActions>
      </form>
    </AdminPanel>
  );
}
