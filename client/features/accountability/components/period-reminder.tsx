import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyLevel } from '../../../../shared/agencies';
import { periodName } from '../../../../shared/period-names';
import {
  type RemindReportsInput,
  type ReportsToRemindInput,
  remindReportsInput,
} from '../../../../shared/schemas/accountability';
import { FormActions, SelectField, TextAreaField } from '../../../components/form-controls';
import { type ServerFailure, useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatCount } from '../../../lib/format';
import { isTrpcClientError } from '../../../lib/trpc';
import { usePeriodReminder } from '../api/accountability-queries';
import './accountability.css';

interface PeriodReminderProps {
  templateId: number;
  /** The regime's periods as the heatmap has them; only those past their deadline can be reminded. */
  periods: readonly { key: string; due: boolean }[];
  /** The page's level filter: the reminder reaches that level's agencies only. */
  level: AgencyLevel | '';
}

interface PeriodReminderApi {
  findAgencies: (input: ReportsToRemindInput) => Promise<{ agencyIds: number[]; max: number }>;
  send: (input: RemindReportsInput) => Promise<{ reminded: number }>;
  /** After the last selection: what a reminder changes is refetched. */
  refresh?: () => Promise<void>;
}

/** What the Office confirms: the server's list of agencies to remind, and the message read when asked. */
interface Target {
  /** One idempotency key per confirmed list: a retry resends under it, a new count gets a new one. */
  key: string;
  periodKey: string;
  agencyIds: number[];
  max: number;
  message: string;
}

/** The selections sent so far of one confirmed list: a retry after a failure goes on from there. */
interface Progress {
  key: string;
  done: number;
  reminded: number;
}

/** No agency owes the period's report: said before any dialog opens. */
class NoneMissing extends Error {}

function reasonOf(error: unknown): string | undefined {
  if (!isTrpcClientError(error)) return undefined;
  const reason = (error.data as { details?: { reason?: unknown } } | undefined)?.details?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

function selections(ids: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** "Đôn đốc cả kỳ" on the compliance page, wired to the server. */
export function PeriodReminder(props: PeriodReminderProps) {
  const api = usePeriodReminder();
  return <PeriodReminderForm {...props} {...api} />;
}

/**
 * The Office reminds every agency whose report of the chosen period is missing (due and not sent, the
 * compliance rule the server applies), with one message: the server first says how many agencies that
 * is, the Office confirms in a dialog, then the reminder goes out in selections of at most the server's
 * maximum (`remindReports`), so a national period of thousands of communes is reachable too.
 */
export function PeriodReminderForm({
  templateId,
  periods,
  level,
  findAgencies,
  send,
  refresh,
}: PeriodReminderProps & PeriodReminderApi) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const titleId = useId();
  const dialogTitleId = useId();
  const dialogTextId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const dialogFormRef = useRef<HTMLFormElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const progress = useRef<Progress | null>(null);
  /** Set when the dialog closes on success: the focus goes to the result, not back to the button. */
  const sent = useRef(false);
  const { fieldErrors, describe } = useFormMessages({
    validation: 'periodReminder.validation',
    errors: 'periodReminder.errors',
    label: () => t('periodReminder.message'),
  });
  const describeFailure = (error: unknown): ServerFailure =>
    error instanceof NoneMissing
      ? { message: t('periodReminder.errors.noneMissing'), stale: false }
      : describe(error);
  const check = useFormSubmit(formRef, describeFailure);
  const sending = useFormSubmit(dialogFormRef, describeFailure);

  const due = periods.filter((p) => p.due).map((p) => p.key);
  due.reverse();
  const [chosen, setChosen] = useState('');
  const periodKey = due.includes(chosen) ? chosen : (due[0] ?? '');
  const [message, setMessage] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const [result, setResult] = useState('');
  /** Reminded before a selection failed: said beside the failure, the rest is sent on a retry. */
  const [partial, setPartial] = useState(0);

  // The dialog exists while there is something to confirm: opened modal (the page behind is inert),
  // closed through `close()` only, so the browser puts the focus back where it was.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!target || !dialog || dialog.open) return;
    sent.current = false;
    dialog.showModal();
    // The safe choice first: Enter pressed at once does not send to every agency.
    cancelRef.current?.focus();
  }, [target]);

  function onCheck(event: FormEvent) {
    event.preventDefault();
    setResult('');
    const parsed = remindReportsInput.pick({ message: true }).safeParse({ message });
    if (!parsed.success) {
      check.setErrors(fieldErrors(parsed.error));
      return;
    }
    const text = parsed.data.message;
    void check.run(async () => {
      const found = await findAgencies({ templateId, periodKey, ...(level ? { level } : {}) });
      if (found.agencyIds.length === 0) throw new NoneMissing();
      progress.current = null;
      sending.reset();
      setPartial(0);
      setTarget({
        key: crypto.randomUUID(),
        periodKey,
        agencyIds: found.agencyIds,
        max: found.max,
        message: text,
      });
    });
  }

  function onSend(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    const { key } = target;
    const batches = selections(target.agencyIds, target.max);
    void sending.run(
      async () => {
        const now = progress.current?.key === key ? progress.current : { key, done: 0, reminded: 0 };
        progress.current = now;
        let refused: unknown = null;
        for (let i = now.done; i < batches.length; i++) {
          try {
            const answer = await send({
              templateId,
              periodKey: target.periodKey,
              agencyIds: batches[i] ?? [],
              message: target.message,
              // One key per selection, each the same on a retry: none is recorded twice.
              idempotencyKey: batches.length === 1 ? key : `${key}:${i + 1}`,
            });
            now.reminded += answer.reminded;
          } catch (error) {
            // Every agency of this selection sent its report meanwhile: nothing to remind there.
            if (reasonOf(error) !== 'nothingToRemind') {
              setPartial(now.reminded);
              throw error;
            }
            refused = error;
          }
          now.done = i + 1;
        }
        if (now.reminded === 0 && refused) {
          progress.current = null;
          throw refused;
        }
        await refresh?.();
      },
      () => {
        const reminded = progress.current?.reminded ?? 0;
        progress.current = null;
        setMessage('');
        check.reset();
        setResult(t('periodReminder.done', { formatted: formatCount(reminded, language) }));
        sent.current = true;
        dialogRef.current?.close();
        setTarget(null);
        resultRef.current?.focus();
      },
    );
  }

  if (due.length === 0) return <p className="hint">{t('periodReminder.noDuePeriod')}</p>;

  return (
    <div className="period-reminder">
      <form ref={formRef} className="form" noValidate onSubmit={onCheck} aria-labelledby={titleId}>
        <h3 id={titleId}>{t('periodReminder.title')}</h3>
        <p className="hint">{t('periodReminder.intro')}</p>
        {level && <p className="hint">{t('periodReminder.levelNote', { level: t(`levels.${level}`) })}</p>}
        <SubmitFeedback submit={check} />
        <SelectField
          label={t('periodReminder.period')}
          required
          value={periodKey}
          onChange={setChosen}
          options={due.map((key) => ({ value: key, label: periodName(key, language) }))}
        />
        <TextAreaField
          label={t('periodReminder.message')}
          error={check.errors.message}
          required
          rows={3}
          maxLength={2000}
          value={message}
          onChange={setMessage}
        />
        <FormActions
          pending={check.pending}
          label={t('periodReminder.check')}
          pendingLabel={t('periodReminder.checking')}
        />
      </form>
      {/* Present from the start, so a screen reader announces the result put in it. */}
      <p ref={resultRef} className="period-reminder__result" role="status" tabIndex={-1}>
        {result}
      </p>
      {target && (
        <dialog
          ref={dialogRef}
          className="period-reminder__dialog"
          aria-labelledby={dialogTitleId}
          aria-describedby={dialogTextId}
          onCancel={(event) => {
            // Escape while the reminder is on its way would hide what became of it.
            if (sending.pending) event.preventDefault();
          }}
          onClose={() => {
            setTarget(null);
            // The button that opened the dialog was disabled while counting, so the browser has no
            // focus to give back: put it there (after a send, the result has it).
            if (sent.current) sent.current = false;
            else formRef.current?.querySelector<HTMLElement>('button[type="submit"]')?.focus();
          }}
        >
          <form ref={dialogFormRef} className="form" noValidate onSubmit={onSend}>
            <h2 id={dialogTitleId}>{t('periodReminder.confirmTitle')}</h2>
            <div id={dialogTextId}>
              <p>
                {t('periodReminder.confirm', {
                  count: target.agencyIds.length,
                  formatted: formatCount(target.agencyIds.length, language),
                  period: target.periodKey,
                })}
              </p>
              {target.agencyIds.length > target.max && (
                <p>
                  {t('periodReminder.batches', {
                    max: formatCount(target.max, language),
                    batches: formatCount(Math.ceil(target.agencyIds.length / target.max), language),
                  })}
                </p>
              )}
            </div>
            <p className="period-reminder__message">
              {t('periodReminder.quoted', { message: target.message })}
            </p>
            <SubmitFeedback submit={sending} />
            {sending.failure && partial > 0 && (
              <p className="form__alert">
                {t('periodReminder.partial', { formatted: formatCount(partial, language) })}
              </p>
            )}
            <FormActions
              pending={sending.pending}
              label={t('periodReminder.send')}
              pendingLabel={t('periodReminder.sending')}
            >
              <button
                ref={cancelRef}
                type="button"
                className="button"
                disabled={sending.pending}
                onClick={() => dialogRef.current?.close()}
              >
                {t('periodReminder.cancel')}
              </button>
            </FormActions>
          </form>
        </dialog>
      )}
    </div>
  );
}
