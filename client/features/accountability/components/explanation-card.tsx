import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplanationView } from '../../../../shared/schemas/accountability';
import { formatDate, formatDateTime } from '../../../lib/format';

type Person = NonNullable<ExplanationView['answered']>;

interface Props {
  request: ExplanationView;
  headingId: string;
}

/** Who did a step and when, with the comment they left. */
function Step({ text, comment }: { text: string; comment: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="explanation__step">
      <p className="explanation__who">{text}</p>
      {comment && <p className="explanation__text">{t('accountability.comment', { comment })}</p>}
    </div>
  );
}

function AnswerStep({ request, by }: { request: ExplanationView; by: Person }) {
  const { t } = useTranslation();
  return (
    <div className="explanation__answer">
      <h4>{t('accountability.answer')}</h4>
      <p className="explanation__text">{t('accountability.cause', { text: request.cause ?? '' })}</p>
      <p className="explanation__text">{t('accountability.remedy', { text: request.remedy ?? '' })}</p>
      {request.committedDate && (
        <p className="explanation__committed">
          {t('accountability.committedDate', { date: formatDate(request.committedDate) })}
        </p>
      )}
      <p className="explanation__who">
        {t('accountability.answeredBy', { name: by.name, at: formatDateTime(by.at) })}
      </p>
    </div>
  );
}

/**
 * The leader's decision: one that left the answer with the agency (the request back at the officer, or
 * answered again since) was a send-back.
 */
function LeaderStep({ request, by }: { request: ExplanationView; by: Person }) {
  const { t } = useTranslation();
  const who = { name: by.name, at: formatDateTime(by.at) };
  const sentBack = request.state === 'awaiting_answer' || request.state === 'awaiting_leader';
  return (
    <Step
      text={sentBack ? t('accountability.leaderSentBack', who) : t('accountability.leaderApproved', who)}
      comment={request.leaderComment}
    />
  );
}

/** The Office's decision: on a request not accepted, it asked again (the new round's answer follows). */
function OfficeStep({ request, by }: { request: ExplanationView; by: Person }) {
  const { t } = useTranslation();
  const who = { name: by.name, at: formatDateTime(by.at) };
  return (
    <Step
      text={
        request.state === 'accepted'
          ? t('accountability.officeAccepted', who)
          : t('accountability.officeAskedAgain', who)
      }
      comment={request.decisionComment}
    />
  );
}

/** The steps taken on a request so far, oldest first. */
function steps(request: ExplanationView): { key: string; at: Date; node: ReactNode }[] {
  const { answered, leader, decided } = request;
  const items: { key: string; at: Date; node: ReactNode }[] = [];
  if (answered)
    items.push({ key: 'answer', at: answered.at, node: <AnswerStep request={request} by={answered} /> });
  if (leader)
    items.push({ key: 'leader', at: leader.at, node: <LeaderStep request={request} by={leader} /> });
  if (decided)
    items.push({ key: 'office', at: decided.at, node: <OfficeStep request={request} by={decided} /> });
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** One explanation request: its state in words, round, reason, due date (late or not), answer and decisions. */
export function ExplanationCard({ request, headingId }: Props) {
  const { t } = useTranslation();
  const history = steps(request);
  return (
    <>
      <header className="explanation__head">
        <h3 id={headingId}>{t('accountability.requestTitle', { date: formatDate(request.requestedAt) })}</h3>
        {request.round > 1 && (
          <span className="explanation__round">{t('accountability.round', { round: request.round })}</span>
        )}
        <span className={`explanation__state explanation__state--${request.state}`}>
          {t(`accountability.states.${request.state}`)}
        </span>
      </header>
      <p className="explanation__text">{t('accountability.reason', { reason: request.reason })}</p>
      <p className="explanation__who">
        {t('accountability.requestedBy', {
          name: request.requestedBy,
          at: formatDateTime(request.requestedAt),
        })}
        {request.automatic && ` · ${t('accountability.automatic')}`}
      </p>
      <p className="explanation__due">
        {t('accountability.dueDate', { date: formatDate(request.dueDate) })}
        {request.late && <strong className="explanation__late">{t('accountability.late')}</strong>}
      </p>
      {history.map((item) => (
        <div key={item.key}>{item.node}</div>
      ))}
      {!request.answered && request.state === 'awaiting_answer' && (
        <p className="muted">{t('accountability.notAnswered')}</p>
      )}
    </>
  );
}
