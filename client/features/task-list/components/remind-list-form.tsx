import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remindMatchingInput } from '../../../../shared/schemas/accountability';
import { FormActions, TextAreaField } from '../../../components/form-controls';
import { useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatCount } from '../../../lib/format';
import { useRemindMatching } from '../api/task-list-queries';
import type { TaskListState } from '../task-list-params';

/**
 * The Office reminds (đôn đốc) every open task of the list as filtered, e.g. a ministry's overdue tasks:
 * one message to each lead agency, recorded on each task. Offered only with a filter (never the country).
 */
export function RemindListForm({ state, onClose }: { state: TaskListState; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const remind = useRemindMatching();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages({
    validation: 'remindList.validation',
    errors: 'remindList.errors',
    label: () => t('remindList.message'),
  });
  const submit = useFormSubmit(formRef, describe);
  const [message, setMessage] = useState('');
  const [reminded, setReminded] = useState(0);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { page: _page, pageSize: _size, sort: _sort, direction: _direction, ...filter } = state;
    const parsed = remindMatchingInput.safeParse({
      filter,
      message,
      idempotencyKey: submit.idempotencyKey(),
    });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    const input = parsed.data;
    void submit.run(
      async () => setReminded((await remind(input)).reminded),
      () => setMessage(''),
    );
  }

  return (
    <form
      ref={formRef}
      className="form remind-list"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="remind-list-title"
    >
      <h2 id="remind-list-title">{t('remindList.title')}</h2>
      <p className="hint">{t('remindList.hint')}</p>
      <SubmitFeedback
        submit={submit}
        successText={t('remindList.done', { formatted: formatCount(reminded, i18n.language) })}
      />
      <TextAreaField
        label={t('remindList.message')}
        error={submit.errors.message}
        required
        rows={3}
        maxLength={2000}
        value={message}
        onChange={setMessage}
      />
      <FormActions
        pending={submit.pending}
        label={t('remindList.submit')}
        pendingLabel={t('remindList.sending')}
      >
        <button type="button" className="button" onClick={onClose} disabled={submit.pending}>
          {t('remindList.close')}
        </button>
      </FormActions>
    </form>
  );
}
