import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplanationState } from '../../../../shared/explanations';
import type { TaskAccountability as Accountability } from '../../../../shared/schemas/accountability';
import { ErrorState } from '../../../components/error-state';
import { Spinner } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { useAccountabilityWrites, useSubjectAccountability } from '../api/accountability-queries';
import type { AccountabilitySubject } from '../subject';
import { ExplanationItem } from './explanation-item';
import { ExplanationRequestForm } from './explanation-request-form';
import { ReminderForm } from './reminder-form';
import { ReminderSummary } from './reminder-summary';
import './accountability.css';
import type { Messages } from '../../../lib/i18n/vi';

type Done = keyof Messages['accountability']['done'];
interface Outcome {
  done: Done;
  /** The request acted on, and the state the server put it in. */
  request?: { id: number; state: ExplanationState };
  n: number;
}

const DONE_BY_STEP = {
  approve: 'approved',
  sendBack: 'sentBack',
  accept: 'accepted',
  askAgain: 'askedAgain',
} as const satisfies Record<string, Done>;

/**
 * After a write the section says what was done and what comes next, from the request as the server now
 * returns it (a write resolves once its refetch is in), and the keyboard focus goes to that message: the
 * form acted on is gone (an answer sent), and a focus left on nothing falls to the top of the page.
 */
function useOutcome(data: Accountability | undefined) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);

  function track<Input, Result>(
    send: (input: Input) => Promise<Result>,
    done: (input: Input, result: Result) => Omit<Outcome, 'n'>,
  ) {
    return async (input: Input) => {
      const result = await send(input);
      setOutcome((o) => ({ ...done(input, result), n: (o?.n ?? 0) + 1 }));
      return result;
    };
  }

  let text = '';
  if (outcome) {
    const request = data?.explanations.find((e) => e.id === outcome.request?.id);
    const state = request?.state ?? outcome.request?.state;
    const next = state
      ? t(`accountability.next.${state}`, { date: request ? formatDate(request.dueDate) : '' })
      : t('accountability.next.reminded');
    text = `${t(`accountability.done.${outcome.done}`)} ${next}`;
  }
  return { ref, text, shown: outcome !== null, track };
}

/**
 * "Đôn đốc và giải trình" of a task or a report obligation: its reminders, the Office's forms to remind
 * and to ask, and its explanation requests with each one's answer and the steps this user may take.
 * Shown only to those who may read it (see task-accountability.tsx, report-accountability.tsx).
 */
export function AccountabilitySection({
  subject,
  heading,
}: {
  subject: AccountabilitySubject;
  /** What the section is about, under its title (the report's agency and period); none on a task's page. */
  heading?: string;
}) {
  const { t } = useTranslation();
  const query = useSubjectAccountability(subject, true);
  const writes = useAccountabilityWrites(subject);
  const outcome = useOutcome(query.data);
  const reload = () => void query.refetch();
  const data = query.data;
  const explanationDone = (done: Done) => (_: unknown, r: { id: number; state: ExplanationState }) => ({
    done,
    request: r,
  });

  return (
    <section className="accountability" aria-labelledby="accountability-title">
      <h2 id="accountability-title">{t('accountability.title')}</h2>
      {heading && <p className="accountability__subject">{heading}</p>}
      {/* Present from the start, so a screen reader announces what is put in it. */}
      <p
        ref={outcome.ref}
        className={
          outcome.shown ? 'accountability__outcome accountability__outcome--shown' : 'accountability__outcome'
        }
        role="status"
        tabIndex={-1}
      >
        {outcome.text}
      </p>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={reload} />
      ) : data ? (
        <>
          <ReminderSummary reminders={data.reminders} />
          {(data.canRemind || data.canRequestExplanation) && (
            <div className="accountability__forms">
              {data.canRemind &&
                (subject.kind === 'task' ? (
                  <ReminderForm
                    subject={subject}
                    send={outcome.track(writes.remind.mutateAsync, () => ({ done: 'reminded' }))}
                  />
                ) : (
                  <ReminderForm
                    subject={subject}
                    send={outcome.track(writes.remindReports.mutateAsync, () => ({ done: 'reminded' }))}
                  />
                ))}
              {data.canRequestExplanation &&
                (subject.kind === 'task' ? (
                  <ExplanationRequestForm
                    subject={subject}
                    send={outcome.track(writes.requestExplanation.mutateAsync, explanationDone('requested'))}
                  />
                ) : (
                  <ExplanationRequestForm
                    subject={subject}
                    send={outcome.track(
                      writes.requestReportExplanation.mutateAsync,
                      explanationDone('requested'),
                    )}
                  />
                ))}
            </div>
          )}
          <h3 className="accountability__list-title">{t('accountability.explanations')}</h3>
          {data.explanations.length === 0 ? (
            <p className="empty">{t('accountability.noExplanations')}</p>
          ) : (
            <ol className="explanations">
              {data.explanations.map((request) => (
                <li key={request.id}>
                  <ExplanationItem
                    request={request}
                    answer={outcome.track(writes.answerExplanation.mutateAsync, explanationDone('answered'))}
                    decide={outcome.track(writes.decideExplanation.mutateAsync, (input, r) => ({
                      done: DONE_BY_STEP[input.step],
                      request: r,
                    }))}
                    onReload={reload}
                  />
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}
