import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumberInput, numberLanguage } from '../../../../shared/number-input';
import type { SubmissionValues, TemplateField } from '../../../../shared/report-values';
import {
  blockingIssues,
  evaluateRules,
  type RuleContext,
  type RuleIssue,
  type ValidationRule,
} from '../../../../shared/validation-rules';
import { ErrorSummary } from '../../../components/error-summary';
import type { FieldErrors } from '../../../components/form-errors';
import { FormFeedback } from '../../../components/form-feedback';
import { Field } from '../../../components/form-field';
import { useErrorFocus } from '../../../components/use-form-submit';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime, formatNumber, formatPercent } from '../../../lib/format';
import { isTrpcClientError } from '../../../lib/trpc';
import {
  anchorOf,
  boundsOf,
  type DraftInputs,
  type FieldGroup,
  fieldMessage,
  groupFields,
  inputsFromValues,
  issueMessage,
  issueReference,
  labelOf,
  mergeIssues,
  ratioOf,
  relabelInputs,
  validateInputs,
  valuesFromInputs,
} from '../report-values-form';

type Values = Record<string, number | string | null>;
type Explanations = Record<string, string>;

export interface SubmissionFormProps {
  fields: readonly TemplateField[];
  initialInputs: DraftInputs;
  /** The template version's validation rules (the derived ones are applied by `evaluateRules`). */
  rules?: readonly ValidationRule[];
  /** The system's figures and the last accepted earlier period the rules are held against. */
  context?: RuleContext;
  /** The names of the KPIs the fields feed: each KPI's numerator and denominator are grouped under it. */
  kpis?: readonly KpiName[];
  /** The agency's latest accepted earlier period, shown beside each figure and each rate. */
  previous?: { periodKey: string; values: SubmissionValues } | null;
  /** The warnings' explanations saved with the draft, by issue code. */
  initialExplanations?: Explanations;
  /** The submission's version the form was loaded with. */
  version: number;
  save: (input: {
    values: Values;
    explanations: Explanations;
    version: number;
  }) => Promise<{ version: number; issues?: RuleIssue[] }>;
  submit: (input: { version: number }) => Promise<{ version: number }>;
  /** Fetches the submission again after a conflict; resolves to its current version. */
  reload: () => Promise<number | null>;
  onSubmitted?: () => void;
  /** Milliseconds of quiet typing before the draft saves itself. */
  autosaveDelay?: number;
}

interface ErrorData {
  details?: { reason?: unknown; field?: unknown; issues?: unknown; ruleIssues?: unknown } | null;
}

interface KpiName {
  code: string;
  nameVi: string;
  nameEn: string;
}

const NO_RULES: readonly ValidationRule[] = [];
const NO_KPIS: readonly KpiName[] = [];
const NO_CONTEXT: RuleContext = {};

/** What the form holds that a save writes: the figures as typed and the explanations. */
const snapshotOf = (inputs: DraftInputs, explanations: Explanations) =>
  JSON.stringify({ inputs, explanations });

type Notice = { kind: 'alert' | 'status'; text: string } | null;

/**
 * The agency's figures for one period: each field's input suited to its type, numbers read as the
 * reader types them (shared/number-input.ts) and checked with the shared schema before anything is
 * sent, the draft saved by hand or by itself after a pause in typing, and submission (which saves
 * first). A field that reads as no number is marked and nothing is saved until it is corrected, so the
 * form never says "saved" beside a figure it did not save; once saved, each box shows the value saved,
 * written the reader's way. A conflict keeps what was typed on screen.
 *
 * The template's validation rules run as the officer types (`evaluateRules`, the server's own): an
 * error stands after the last field it concerns and blocks the submit button; a warning asks for a
 * written explanation ("Giải trình"), saved with the draft and read by the reviewers. A field the
 * system holds a figure for shows that figure beside the input, as it shows the agency's figure of its
 * latest accepted earlier period.
 *
 * Each KPI's numerator and denominator stand together under the KPI's name, with the rate they give
 * computed as the national figures are (`percentOf`, shared/kpi-math.ts). Sending goes through a
 * review of every figure ("check your answers") with a way back to each; the keyboard focus follows
 * the step (the review's heading, the field to change), never left to fall to the top of the page.
 */
export function SubmissionForm({
  fields,
  initialInputs,
  rules = NO_RULES,
  context = NO_CONTEXT,
  kpis = NO_KPIS,
  previous = null,
  initialExplanations,
  version,
  save,
  submit,
  reload,
  onSubmitted,
  autosaveDelay = 2000,
}: SubmissionFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const formRef = useRef<HTMLFormElement>(null);
  const focusErrors = useErrorFocus(formRef);
  const headingId = useId();
  const [inputs, setInputs] = useState<DraftInputs>(initialInputs);
  const [explanations, setExplanations] = useState<Explanations>(initialExplanations ?? {});
  const [explanationErrors, setExplanationErrors] = useState<FieldErrors>({});
  const [serverIssues, setServerIssues] = useState<RuleIssue[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<'save' | 'submit' | null>(null);
  const [autosave, setAutosave] = useState<'idle' | 'saving' | { at: Date }>('idle');
  const [conflict, setConflict] = useState(false);
  // Filling in, then checking every figure once more before sending (GOV.UK "check your answers").
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  // Where the keyboard focus goes once a step has rendered: the review's heading, a field, the first field.
  const [focusTo, setFocusTo] = useState<{ target: string | null; n: number } | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const reviewId = `${headingId}-review`;
  const groups = useMemo(() => groupFields(fields), [fields]);
  const versionRef = useRef(version);
  const savedRef = useRef(snapshotOf(initialInputs, initialExplanations ?? {}));
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const dirty = snapshotOf(inputs, explanations) !== savedRef.current;
  const invalid = Object.keys(errors).length > 0;

  // The rules on the figures as typed (a figure that reads as no number is left out, as when saved).
  const issues = useMemo(() => {
    const { values } = valuesFromInputs(fields, inputs, language);
    return mergeIssues(evaluateRules(fields, rules, values, context), serverIssues);
  }, [context, fields, inputs, language, rules, serverIssues]);
  const ruleErrors = issues.filter((i) => i.severity === 'error');

  // A figure keeps its value when the reader switches language ("1.000" in vi is "1,000" in en).
  const languageRef = useRef(language);
  useEffect(() => {
    const from = languageRef.current;
    if (from === language) return;
    languageRef.current = language;
    const saved = JSON.parse(savedRef.current) as { inputs: DraftInputs; explanations: Explanations };
    savedRef.current = snapshotOf(relabelInputs(fields, saved.inputs, from, language), saved.explanations);
    setInputs((current) => relabelInputs(fields, current, from, language));
    setErrors({});
  }, [fields, language]);

  useEffect(() => {
    if (!focusTo) return;
    if (focusTo.target === 'review') {
      reviewHeading.current?.focus();
      return;
    }
    const controls = [...(formRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])];
    const control =
      focusTo.target === null ? controls[0] : controls.find((c) => c.dataset.field === focusTo.target);
    control?.focus();
  }, [focusTo]);
  const moveFocus = useCallback(
    (target: string | null) => setFocusTo((f) => ({ target, n: (f?.n ?? 0) + 1 })),
    [],
  );

  /**
   * One save at a time, each with the version the previous one left. Once saved, the boxes show the
   * values saved, written the reader's way, unless the reader typed on meanwhile.
   */
  const persist = useCallback(
    (values: Values, typed: DraftInputs, written: Explanations) => {
      const shown = inputsFromValues(fields, values, language);
      const run = queue.current.then(async () => {
        const result = await save({ values, explanations: written, version: versionRef.current });
        versionRef.current = result.version;
        savedRef.current = snapshotOf(shown, written);
        setServerIssues(result.issues ?? []);
        setInputs((current) => (JSON.stringify(current) === JSON.stringify(typed) ? shown : current));
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [fields, language, save],
  );

  const fail = useCallback(
    (error: unknown) => {
      const data = (isTrpcClientError(error) ? (error.data ?? {}) : {}) as ErrorData;
      const reason =
        typeof data.details?.reason === 'string'
          ? data.details.reason
          : isTrpcClientError(error)
            ? error.message
            : '';
      if (reason === 'staleVersion') {
        setConflict(true);
        setNotice({ kind: 'alert', text: t('reports.staleVersion') });
        return;
      }
      if (reason === 'submissionLocked') {
        setNotice({ kind: 'alert', text: t('reports.submissionLocked') });
        return;
      }
      if (reason === 'rules' && Array.isArray(data.details?.ruleIssues)) {
        // The server's figures may be newer than the page's: its issues join the form's.
        const refused = data.details.ruleIssues as RuleIssue[];
        setServerIssues(refused);
        // Back to the figures, at the first one the server refused, where its message stands.
        setStep('edit');
        moveFocus(refused[0]?.fields[0] ?? null);
        const messages = refused.map((i) => issueMessage(i, language)).join(' ');
        setNotice({ kind: 'alert', text: t('reports.rules.refused', { messages }) });
        return;
      }
      const issues = Array.isArray(data.details?.issues)
        ? (data.details.issues as { field: string; message: string }[])
        : [];
      if (issues.length > 0) {
        const next: FieldErrors = {};
        for (const issue of issues) {
          const field = fields.find((f) => f.code === issue.field);
          if (!field || next[field.code]) continue;
          const raw = (inputs[field.code] ?? '').trim();
          next[field.code] = fieldMessage(field, issue.message, raw === '' ? null : raw, t, language);
        }
        setErrors(next);
        setStep('edit');
        focusErrors();
        setNotice({ kind: 'alert', text: t('validation.fixErrors') });
        return;
      }
      setNotice({ kind: 'alert', text: errorMessage(error, t) });
    },
    [fields, focusErrors, inputs, language, moveFocus, t],
  );

  // Autosave: after a pause in typing, when the figures are valid as a draft and nothing is in conflict.
  useEffect(() => {
    if (!dirty || conflict || pending) return;
    const timer = setTimeout(() => {
      const { values, errors: found } = validateInputs(fields, inputs, false, t, language);
      // Nothing is saved while a field is wrong: the field says why and the status line says so.
      setErrors(found);
      if (Object.keys(found).length > 0) return;
      setAutosave('saving');
      persist(values, inputs, explanations).then(
        () => setAutosave({ at: new Date() }),
        (error: unknown) => {
          setAutosave('idle');
          fail(error);
        },
      );
    }, autosaveDelay);
    return () => clearTimeout(timer);
  }, [autosaveDelay, conflict, dirty, explanations, fail, fields, inputs, language, pending, persist, t]);

  const check = (forSubmission: boolean) => {
    const result = validateInputs(fields, inputs, forSubmission, t, language);
    setErrors(result.errors);
    if (Object.keys(result.errors).length > 0) {
      setNotice({ kind: 'alert', text: t('validation.fixErrors') });
      setStep('edit');
      focusErrors();
      return null;
    }
    return result.values;
  };

  /** Submission also needs every rule passed: no error, and an explanation for each warning. */
  const checkRules = () => {
    const blocking = blockingIssues(issues, explanations);
    if (blocking.length === 0) {
      setExplanationErrors({});
      return true;
    }
    const missing: FieldErrors = {};
    for (const issue of blocking) {
      if (issue.severity === 'warning') missing[issue.code] = t('reports.rules.explanationRequired');
    }
    setExplanationErrors(missing);
    setNotice({
      kind: 'alert',
      text: ruleErrors.length > 0 ? t('reports.rules.fixErrors') : t('reports.rules.explainWarnings'),
    });
    setStep('edit');
    focusErrors();
    return false;
  };

  /** Every figure checked as for submission, then the summary to read once more before sending. */
  const onReview = () => {
    const values = check(true);
    if (!values || !checkRules()) return;
    setNotice(null);
    setStep('review');
    moveFocus('review');
  };

  /** From the summary back to the figures: at the one to change, or at the first. */
  const backToEdit = (code: string | null) => {
    setStep('edit');
    moveFocus(code);
  };

  const fieldAnchor = (code: string) => `${headingId}-field-${code}`;

  const onSave = async () => {
    if (pending) return;
    const values = check(false);
    if (!values) return;
    setPending('save');
    setNotice(null);
    try {
      await persist(values, inputs, explanations);
      setNotice({ kind: 'status', text: t('reports.saved') });
    } catch (error) {
      fail(error);
    } finally {
      setPending(null);
    }
  };

  const onSubmit = async () => {
    if (pending) return;
    const values = check(true);
    if (!values || !checkRules()) return;
    setPending('submit');
    setNotice(null);
    try {
      await persist(values, inputs, explanations);
      const result = await submit({ version: versionRef.current });
      versionRef.current = result.version;
      setNotice({ kind: 'status', text: t('reports.submittedOk') });
      onSubmitted?.();
    } catch (error) {
      fail(error);
    } finally {
      setPending(null);
    }
  };

  const onReload = async () => {
    try {
      const current = await reload();
      if (current !== null) versionRef.current = current;
      setConflict(false);
      setNotice({ kind: 'status', text: t('reports.reloaded') });
    } catch (error) {
      setNotice({ kind: 'alert', text: errorMessage(error, t) });
    }
  };

  const hintOf = (field: TemplateField, role?: 'numerator' | 'denominator') => {
    const parts: string[] = [];
    if (role) parts.push(t(`reports.grouped.${role}`));
    if (field.unit) parts.push(t('reports.unit', { unit: field.unit }));
    if (field.type === 'percent') parts.push(t('reports.percentHint'));
    else {
      if (field.type === 'integer') parts.push(t('reports.integerHint'));
      const { min, max } = boundsOf(field);
      if (min !== null && max !== null) {
        const written = (n: number) => formatNumberInput(n, numberLanguage(language));
        parts.push(t('reports.range', { min: written(min), max: written(max) }));
      }
    }
    return parts.join(' · ') || undefined;
  };

  const issueId = (issue: RuleIssue) => `${headingId}-rule-${issue.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const systemId = (field: TemplateField) => `${headingId}-system-${field.code}`;
  const previousId = (field: TemplateField) => `${headingId}-previous-${field.code}`;
  const ratioId = (kpiCode: string) => `${headingId}-ratio-${kpiCode.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const systemValueOf = (field: TemplateField) =>
    field.systemSource && field.type !== 'text' ? context.systemValues?.[field.code] : undefined;
  const previousValueOf = (field: TemplateField) => {
    const value = field.type === 'text' ? undefined : previous?.values[field.code];
    return typeof value === 'number' ? value : undefined;
  };
  const kpiName = (code: string) => {
    const kpi = kpis.find((k) => k.code === code);
    return kpi ? (language === 'en' ? kpi.nameEn : kpi.nameVi) : code;
  };
  const percent = (value: number | null) => (value === null ? null : formatPercent(value, language, 1));
  const anchored = new Map<string, RuleIssue[]>();
  for (const issue of issues) {
    const anchor = anchorOf(issue, fields);
    if (anchor) anchored.set(anchor, [...(anchored.get(anchor) ?? []), issue]);
  }
  const blockedId = `${headingId}-blocked`;

  const renderIssue = (issue: RuleIssue) => {
    const reference = issueReference(issue, t, language);
    const text = `${issueMessage(issue, language)}${reference ? ` (${reference})` : ''}`;
    if (issue.severity === 'error') {
      return (
        <p key={issue.code} id={issueId(issue)} className="form__error rule-issue" data-rule={issue.code}>
          {text}
        </p>
      );
    }
    return (
      <fieldset key={issue.code} className="rule-warning" data-rule={issue.code}>
        <legend id={issueId(issue)}>{t('reports.rules.warning', { message: text })}</legend>
        <Field
          label={t('reports.rules.explanation')}
          hint={t('reports.rules.explanationHint')}
          error={explanationErrors[issue.code]}
          required
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2000}
              value={explanations[issue.code] ?? ''}
              onChange={(event) => {
                const text = event.target.value;
                setExplanations((current) => ({ ...current, [issue.code]: text }));
              }}
            />
          )}
        </Field>
      </fieldset>
    );
  };

  const renderField = (field: TemplateField, role?: 'numerator' | 'denominator', ratio?: string) => {
    const own = issues.filter((i) => i.fields.includes(field.code));
    const held = systemValueOf(field);
    const before = previousValueOf(field);
    const describedBy = (base: string | undefined) =>
      [
        base,
        held === undefined ? null : systemId(field),
        before === undefined ? null : previousId(field),
        ratio,
        ...own.map(issueId),
      ]
        .filter(Boolean)
        .join(' ') || undefined;
    const wrong = own.some((i) => i.severity === 'error');
    const onChange = (value: string) => setInputs((current) => ({ ...current, [field.code]: value }));
    return (
      <div key={field.code} id={fieldAnchor(field.code)} className="report-form__item">
        <Field
          label={labelOf(field, language)}
          required={field.required}
          hint={hintOf(field, role)}
          error={errors[field.code]}
        >
          {(control) =>
            field.type === 'text' ? (
              <textarea
                {...control}
                data-field={field.code}
                rows={4}
                maxLength={5000}
                value={inputs[field.code] ?? ''}
                onChange={(event) => onChange(event.target.value)}
              />
            ) : (
              <div className="report-form__pair">
                {/* Text, not type="number": a number input drops or misreads "1.000", "12,5" and
                    "12e" before the form sees them, and would show text it never handed over. */}
                <input
                  {...control}
                  data-field={field.code}
                  aria-invalid={control['aria-invalid'] ?? (wrong ? true : undefined)}
                  aria-describedby={describedBy(control['aria-describedby'])}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={inputs[field.code] ?? ''}
                  onChange={(event) => onChange(event.target.value)}
                />
                {held !== undefined && (
                  <span className="report-form__system" id={systemId(field)}>
                    {t('reports.systemFigure', { value: formatNumber(held, language) })}
                  </span>
                )}
                {before !== undefined && previous && (
                  <span className="report-form__previous" id={previousId(field)}>
                    {t('reports.grouped.previous', {
                      period: previous.periodKey,
                      value: formatNumber(before, language),
                    })}
                  </span>
                )}
              </div>
            )
          }
        </Field>
        {anchored.get(field.code)?.map(renderIssue)}
      </div>
    );
  };

  const renderGroup = (group: FieldGroup) => {
    if (group.kind === 'field') return renderField(group.field);
    const { kpiCode, numerator, denominator } = group;
    const now = percent(ratioOf(inputs[numerator.code], inputs[denominator.code], language));
    const before = previous
      ? percent(ratioOf(previous.values[numerator.code], previous.values[denominator.code], language))
      : null;
    const id = ratioId(kpiCode);
    return (
      <fieldset key={`kpi-${kpiCode}`} className="report-form__kpi" data-kpi={kpiCode}>
        <legend>
          <span className="tag">{kpiCode}</span> {kpiName(kpiCode)}
        </legend>
        <div className="report-form__kpi-fields">
          {renderField(numerator, 'numerator', id)}
          {renderField(denominator, 'denominator', id)}
        </div>
        <p className="report-form__ratio" id={id}>
          <strong>
            {now === null ? t('reports.grouped.ratioNone') : t('reports.grouped.ratio', { value: now })}
          </strong>
          {before !== null && previous && (
            <span className="report-form__previous">
              {t('reports.grouped.previousRatio', { period: previous.periodKey, value: before })}
            </span>
          )}
        </p>
      </fieldset>
    );
  };

  // A refusal the summary at the top lists (fields, explanations) is said there only; the line by the
  // buttons carries the others (a rule broken across fields, a server failure).
  const summarised = notice?.kind === 'alert' && (invalid || Object.keys(explanationErrors).length > 0);
  const noticeLine = (
    <FormFeedback
      failure={null}
      succeeded={notice?.kind === 'status'}
      successText={notice?.kind === 'status' ? notice.text : ''}
      invalidText={notice?.kind === 'alert' && !summarised ? notice.text : undefined}
    />
  );

  if (step === 'review') {
    const { values } = valuesFromInputs(fields, inputs, language);
    const shown = (field: TemplateField) => {
      const value = values[field.code];
      if (value === null || value === undefined || value === '') return t('reports.check.empty');
      return typeof value === 'number' ? formatNumberInput(value, numberLanguage(language)) : value;
    };
    const row = (field: TemplateField) => {
      const label = labelOf(field, language);
      const explained = (anchored.get(field.code) ?? []).filter(
        (i) => i.severity === 'warning' && (explanations[i.code] ?? '').trim() !== '',
      );
      return (
        <div key={field.code} className="summary-list__row">
          <dt>{label}</dt>
          <dd>
            <span className="summary-list__value">{shown(field)}</span>
            {explained.map((issue) => (
              <span key={issue.code} className="summary-list__note">
                {t('reports.check.explanation', { text: explanations[issue.code]?.trim() })}
              </span>
            ))}
          </dd>
          <dd className="summary-list__actions">
            <a
              href={`#${fieldAnchor(field.code)}`}
              onClick={(event) => {
                event.preventDefault();
                backToEdit(field.code);
              }}
            >
              {t('reports.check.change')}
              <span className="visually-hidden"> {label}</span>
            </a>
          </dd>
        </div>
      );
    };
    // Runs of standalone fields share one list; each KPI has its own, under its name, with its rate.
    const blocks: { key: string; kpiCode?: string; rows: ReactNode[] }[] = [];
    for (const group of groups) {
      if (group.kind === 'share') {
        const rate = percent(ratioOf(values[group.numerator.code], values[group.denominator.code], language));
        blocks.push({
          key: group.kpiCode,
          kpiCode: group.kpiCode,
          rows: [
            row(group.numerator),
            row(group.denominator),
            <div key="ratio" className="summary-list__row summary-list__row--ratio">
              <dt>{t('reports.review.rate')}</dt>
              <dd>{rate ?? '—'}</dd>
            </div>,
          ],
        });
      } else {
        const last = blocks.at(-1);
        if (last && last.kpiCode === undefined) last.rows.push(row(group.field));
        else blocks.push({ key: `fields-${group.field.code}`, rows: [row(group.field)] });
      }
    }
    return (
      <section className="report-form report-check-answers" aria-labelledby={reviewId}>
        <h2 id={reviewId} ref={reviewHeading} tabIndex={-1}>
          {t('reports.check.title')}
        </h2>
        <p className="hint">{t('reports.check.intro')}</p>
        {blocks.map((block) =>
          block.kpiCode === undefined ? (
            <dl key={block.key} className="summary-list">
              {block.rows}
            </dl>
          ) : (
            <section key={block.key} className="summary-list__group" aria-label={kpiName(block.kpiCode)}>
              <h3>
                <span className="tag">{block.kpiCode}</span> {kpiName(block.kpiCode)}
              </h3>
              <dl className="summary-list">{block.rows}</dl>
            </section>
          ),
        )}
        {noticeLine}
        {conflict && (
          <button type="button" className="button" onClick={() => void onReload()}>
            {t('reports.reloadVersion')}
          </button>
        )}
        <div className="form__actions">
          <button
            type="button"
            className="button button--primary"
            aria-disabled={pending !== null || undefined}
            onClick={() => void onSubmit()}
          >
            {pending === 'submit' ? t('reports.submitting') : t('reports.submit')}
          </button>
          <button type="button" className="button" onClick={() => backToEdit(null)}>
            {t('reports.check.back')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      ref={formRef}
      className="form report-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
    >
      <h2 id={headingId}>{t('reports.formTitle')}</h2>
      {summarised && <ErrorSummary errors={{ ...errors, ...explanationErrors }} />}
      <p className="hint">{t('reports.requiredNote')}</p>
      {!previous && groups.some((g) => g.kind === 'share') && (
        <p className="hint">{t('reports.grouped.noPrevious')}</p>
      )}
      {groups.map(renderGroup)}
      {noticeLine}
      {conflict && (
        <button type="button" className="button" onClick={() => void onReload()}>
          {t('reports.reloadVersion')}
        </button>
      )}
      <p className="hint report-form__autosave" role="status">
        {autosave === 'saving'
          ? t('reports.autosaving')
          : dirty
            ? invalid
              ? t('reports.notSavedInvalid')
              : t('reports.unsaved')
            : autosave !== 'idle'
              ? t('reports.autosaved', { time: formatDateTime(autosave.at) })
              : ''}
      </p>
      <p className="hint">{t('reports.autosaveHint')}</p>
      {ruleErrors.length > 0 && (
        <p className="form__error" id={blockedId}>
          {t('reports.rules.blocked', { count: ruleErrors.length })}
        </p>
      )}
      <div className="form__actions">
        {/* Busy, not disabled: a disabled button drops the keyboard focus to the top of the page. */}
        <button type="submit" className="button" aria-disabled={pending !== null || undefined}>
          {pending === 'save' ? t('reports.saving') : t('reports.saveDraft')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={ruleErrors.length > 0}
          aria-describedby={ruleErrors.length > 0 ? blockedId : undefined}
          onClick={onReview}
        >
          {t('reports.check.continue')}
        </button>
      </div>
    </form>
  );
}
