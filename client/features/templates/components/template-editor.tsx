import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_LEVELS } from '../../../../shared/agencies';
import { APPROVAL_CHAINS, type ApprovalChain } from '../../../../shared/approval-levels';
import { PERIOD_TYPES, type PeriodType, parsePeriodKey } from '../../../../shared/reporting-periods';
import type { CreateTemplateInput } from '../../../../shared/schemas/templates';
import { AgencyPicker } from '../../../components/agency-picker';
import { BilingualNameFields } from '../../../components/bilingual-name-fields';
import { FormActions, SelectField, TextField } from '../../../components/form-controls';
import { describeServerError } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { useFormSubmit } from '../../../components/use-form-submit';
import { isTrpcClientError } from '../../../lib/trpc';
import { relabelDraft, type TemplateDraft, templateMessage, validateDraft } from '../template-draft';
import { FieldEditor, type KpiOption } from './field-editor';
import { RulesEditor } from './rules-editor';

export interface TemplateUsage {
  version: number;
  submissions: number;
  lastUsedPeriod: string | null;
}

interface TemplateEditorProps {
  mode: 'create' | 'update';
  initial: TemplateDraft;
  kpis: readonly KpiOption[];
  /** For an existing version: whether saving edits it or makes the next version. */
  usage?: TemplateUsage | undefined;
  send: (input: CreateTemplateInput) => Promise<{ version: number; created: boolean; code: string }>;
  onSaved?: (result: { version: number; created: boolean; code: string }) => void;
}

function isPeriodKey(text: string): boolean {
  try {
    parsePeriodKey(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The administrator's editor of a reporting regime: general facts, deadline rule, who must report and
 * the indicators, checked with the server's own schema before sending. On a version in use it says,
 * before saving, that a new version will be made from the chosen period.
 */
export function TemplateEditor({ mode, initial, kpis, usage, send, onSaved }: TemplateEditorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const [result, setResult] = useState('');
  const describe = useCallback(
    (error: unknown) => {
      const details = isTrpcClientError(error)
        ? ((error.data as { details?: { after?: unknown } } | null)?.details ?? {})
        : {};
      return describeServerError(error, t, (reason, field) =>
        templateMessage(reason, field, t, { after: details.after ?? '' }),
      );
    },
    [t],
  );
  const submit = useFormSubmit(formRef, describe);
  const { errors } = submit;
  const inUse = mode === 'update' && (usage?.submissions ?? 0) > 0;
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  // A typed number keeps its value when the reader switches language ("1.000" in vi is "1,000" in en).
  const languageRef = useRef(language);
  useEffect(() => {
    const from = languageRef.current;
    if (from === language) return;
    languageRef.current = language;
    setDraft((d) => relabelDraft(d, from, language));
  }, [language]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateDraft(draft, mode, t, language);
    if (Object.keys(checked.errors).length > 0) {
      submit.setErrors(checked.errors);
      return;
    }
    void submit.run(
      async () => {
        const saved = await send(checked.input);
        setResult(
          saved.created && mode === 'update'
            ? t('templateAdmin.savedVersion', { version: saved.version })
            : mode === 'create'
              ? t('templateAdmin.createdOk', { code: saved.code })
              : t('templateAdmin.saved'),
        );
        onSaved?.(saved);
      },
      () => undefined,
    );
  }

  const next = (usage?.version ?? 0) + 1;

  return (
    <form
      ref={formRef}
      className="form template-editor"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>
        {mode === 'create' ? t('templateAdmin.createTitle') : t('templateAdmin.definition')}
      </h2>
      {mode === 'update' && usage && (
        <p className="notice" role="note" data-testid="version-notice">
          {inUse
            ? t('templateAdmin.inUse', {
                count: usage.submissions,
                period: usage.lastUsedPeriod ?? '',
                next,
                current: usage.version,
              })
            : t('templateAdmin.notInUse', { current: usage.version })}
        </p>
      )}
      <SubmitFeedback submit={submit} successText={result} />
      {mode === 'create' && (
        <TextField
          label={t('templateAdmin.code')}
          hint={t('templateAdmin.codeHint')}
          error={errors.code}
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={draft.code}
          onChange={(value) => set('code', value)}
        />
      )}
      <BilingualNameFields
        labels={{ nameVi: t('templateAdmin.nameVi'), nameEn: t('templateAdmin.nameEn') }}
        values={draft}
        errors={errors}
        onChange={set}
        maxLength={300}
      />
      <SelectField
        label={t('templateAdmin.periodType')}
        error={errors.periodType}
        required
        options={PERIOD_TYPES.map((p) => ({ value: p, label: t(`templateAdmin.periodTypes.${p}`) }))}
        value={draft.periodType}
        disabled={mode === 'update' && (inUse || (usage?.version ?? 1) > 1)}
        onChange={(value) => set('periodType', value as PeriodType)}
      />
      <TextField
        label={t('templateAdmin.firstPeriod')}
        hint={
          // The key typed, named as people say it, so a slip (2026-M07 for 2026-Q3) shows before saving.
          !isPeriodKey(draft.firstPeriod)
            ? t('templateAdmin.firstPeriodHint')
            : `${t('templateAdmin.firstPeriodHint')} ${t('templateAdmin.firstPeriodNamed', { period: draft.firstPeriod })}`
        }
        error={errors.firstPeriod}
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={8}
        value={draft.firstPeriod}
        onChange={(value) => set('firstPeriod', value)}
      />

      <fieldset className="template-editor__group">
        <legend>{t('templateAdmin.deadline.legend')}</legend>
        <p className="hint">{t('templateAdmin.deadline.note')}</p>
        {(['working_days_after_cutoff', 'fixed_day'] as const).map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name="deadlineKind"
              value={kind}
              checked={draft.deadlineKind === kind}
              onChange={() => set('deadlineKind', kind)}
            />{' '}
            {t(`templateAdmin.deadline.${kind}`)}
          </label>
        ))}
        {draft.deadlineKind === 'working_days_after_cutoff' ? (
          <TextField
            label={t('templateAdmin.deadline.days')}
            error={errors['deadlineRule.days']}
            required
            inputMode="numeric"
            autoComplete="off"
            value={draft.days}
            onChange={(value) => set('days', value)}
          />
        ) : (
          <>
            <TextField
              label={t('templateAdmin.deadline.day')}
              error={errors['deadlineRule.day']}
              required
              inputMode="numeric"
              autoComplete="off"
              value={draft.day}
              onChange={(value) => set('day', value)}
            />
            <TextField
              label={t('templateAdmin.deadline.monthsAfter')}
              hint={t('templateAdmin.deadline.monthsAfterHint')}
              error={errors['deadlineRule.monthsAfter']}
              required
              inputMode="numeric"
              autoComplete="off"
              value={draft.monthsAfter}
              onChange={(value) => set('monthsAfter', value)}
            />
          </>
        )}
      </fieldset>

      <fieldset className="template-editor__group">
        <legend>{t('templateAdmin.obligation.legend')}</legend>
        {(['levels', 'agencies'] as const).map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name="obligationKind"
              value={kind}
              checked={draft.obligationKind === kind}
              onChange={() => set('obligationKind', kind)}
            />{' '}
            {t(kind === 'levels' ? 'templateAdmin.obligation.byLevels' : 'templateAdmin.obligation.byList')}
          </label>
        ))}
        {(errors['obligation.levels'] ?? errors['obligation.agencyIds'] ?? errors.obligation) && (
          <p className="form__error" role="alert">
            {errors['obligation.levels'] ?? errors['obligation.agencyIds'] ?? errors.obligation}
          </p>
        )}
        {draft.obligationKind === 'levels' ? (
          <fieldset>
            <legend>{t('templateAdmin.obligation.levels')}</legend>
            {AGENCY_LEVELS.map((level) => (
              <label key={level} className="checkbox">
                <input
                  type="checkbox"
                  aria-invalid={errors['obligation.levels'] ? true : undefined}
                  checked={draft.levels.includes(level)}
                  onChange={(e) =>
                    set(
                      'levels',
                      e.target.checked ? [...draft.levels, level] : draft.levels.filter((l) => l !== level),
                    )
                  }
                />{' '}
                {t(`levels.${level}`)}
              </label>
            ))}
          </fieldset>
        ) : (
          <div>
            <AgencyPicker
              label={t('templateAdmin.obligation.agencies')}
              multiple
              value={draft.agencies}
              onChange={(agencies) => set('agencies', agencies)}
            />
          </div>
        )}
      </fieldset>

      <SelectField
        label={t('templateAdmin.approval.legend')}
        hint={t('templateAdmin.approval.hint')}
        error={errors.approval}
        required
        options={APPROVAL_CHAINS.map((a) => ({ value: a, label: t(`templateAdmin.approval.chains.${a}`) }))}
        value={draft.approval}
        onChange={(value) => set('approval', value as ApprovalChain)}
      />

      <FieldEditor
        fields={draft.fields}
        onChange={(fields) => set('fields', fields)}
        errors={errors}
        kpis={kpis}
      />

      <RulesEditor
        rules={draft.rules}
        fields={draft.fields}
        onChange={(rules) => set('rules', rules)}
        errors={errors}
      />

      <FormActions
        pending={submit.pending}
        label={
          mode === 'create'
            ? t('templateAdmin.createSubmit')
            : inUse
              ? t('templateAdmin.saveVersion', { next })
              : t('templateAdmin.save')
        }
        pendingLabel={t('templateAdmin.saving')}
      />
    </form>
  );
}
