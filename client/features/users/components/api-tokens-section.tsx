import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  API_CAPABILITIES,
  type ApiCapability,
  type IssueApiTokenInput,
  issueApiTokenInput,
} from '../../../../shared/schemas/api-tokens';
import { shiftDate, vietnamDate } from '../../../../shared/time';
import { AdminPanel } from '../../../components/admin-panel';
import { AgencyPicker, type PickedAgency } from '../../../components/agency-picker';
import { DateField } from '../../../components/date-field';
import { parseDisplayDate } from '../../../components/display-date';
import { ErrorState } from '../../../components/error-state';
import { FormActions, TextField } from '../../../components/form-controls';
import { type FormVocabulary, useFormMessages } from '../../../components/form-errors';
import { SubmitFeedback } from '../../../components/form-feedback';
import { type SimpleColumn, SimpleTable } from '../../../components/simple-table';
import { Spinner } from '../../../components/spinner';
import { useFormSubmit } from '../../../components/use-form-submit';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { RouterOutputs } from '../../../lib/trpc';
import { useApiTokens, useIssueApiToken, useRevokeApiToken } from '../api/use-api-tokens';
import './api-tokens.css';

export type TokenRow = RouterOutputs['apiTokens']['list'][number];
type Issued = RouterOutputs['apiTokens']['issue'];

const FIELD_LABELS = {
  name: 'apiTokens.name',
  agencyId: 'apiTokens.agency',
  capabilities: 'apiTokens.capabilities',
  expiresOn: 'apiTokens.expiresOn',
} as const;

function vocabulary(t: (key: string) => string): FormVocabulary {
  return {
    validation: 'apiTokens.validation',
    errors: 'apiTokens.errors',
    label: (path) => t(FIELD_LABELS[path.split('.')[0] as keyof typeof FIELD_LABELS] ?? 'apiTokens.name'),
    choice: (path) => path === 'agencyId' || path.startsWith('capabilities'),
  };
}

/** A capability's message key (i18next reads `:` as a namespace separator). */
const CAPABILITY_KEY = {
  'progress:write': 'progressWrite',
  'reports:write': 'reportsWrite',
  'data:read': 'dataRead',
} as const satisfies Record<ApiCapability, string>;

/** dd/MM/yyyy of a calendar date `days` from today (Vietnam). */
const displayDay = (days: number) => {
  const [y, m, d] = shiftDate(vietnamDate(new Date()), days).split('-');
  return `${d}/${m}/${y}`;
};

/**
 * The administrator's API tokens for agencies' systems (machine clients, ADR 0034): issue one (its
 * value shown once, in a dialog with a copy button), list them, revoke one after a confirmation.
 */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const tokens = useApiTokens(all);
  const issue = useIssueApiToken();
  const revoke = useRevokeApiToken();
  const [issued, setIssued] = useState<(Issued & { name: string }) | null>(null);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);

  return (
    <section className="stack" aria-labelledby={headingId} id="api-tokens">
      <h2 id={headingId}>{t('apiTokens.title')}</h2>
      <p className="hint">{t('apiTokens.intro')}</p>
      <IssueTokenForm
        send={async (input) => {
          const result = await issue.mutateAsync(input);
          setIssued({ ...result, name: input.name });
        }}
      />
      {issued && <TokenShownOnce issued={issued} onClose={() => setIssued(null)} />}
      {notice?.ok === false ? (
        <p className="form__alert" role="alert">
          {notice.text}
        </p>
      ) : (
        <p className="form__success" role="status">
          {notice?.text ?? ''}
        </p>
      )}
      <label>
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />{' '}
        {t('apiTokens.showAll')}
      </label>
      {tokens.isPending ? (
        <Spinner />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className="empty" role="status">
          {t('apiTokens.none')}
        </p>
      ) : (
        <TokensTable
          rows={tokens.data}
          busy={tokens.isPlaceholderData}
          revoke={async (row) => {
            try {
              await revoke.mutateAsync({ id: row.id });
              setNotice({ text: t('apiTokens.revoked', { name: row.name }), ok: true });
            } catch {
              setNotice({ text: t('apiTokens.errors.revokeFailed', { name: row.name }), ok: false });
            }
          }}
        />
      )}
    </section>
  );
}

function IssueTokenForm({ send }: { send: (input: IssueApiTokenInput) => Promise<void> }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, describe } = useFormMessages(vocabulary(t as (key: string) => string));
  const submit = useFormSubmit(formRef, describe);
  const { errors } = submit;
  const [name, setName] = useState('');
  const [agency, setAgency] = useState<PickedAgency | null>(null);
  const [capabilities, setCapabilities] = useState<ApiCapability[]>(['progress:write', 'data:read']);
  const [expires, setExpires] = useState(() => displayDay(90));
  const capabilitiesId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = issueApiTokenInput.safeParse({
      name,
      agencyId: agency?.id,
      capabilities,
      expiresOn: parseDisplayDate(expires),
    });
    if (!parsed.success) {
      submit.setErrors(fieldErrors(parsed.error));
      return;
    }
    const input = parsed.data;
    void submit.run(
      () => send(input),
      () => {
        setName('');
        setAgency(null);
      },
    );
  }

  const capabilityError = errors.capabilities;
  return (
    <AdminPanel title={t('apiTokens.issueTitle')}>
      <p className="hint">{t('validation.requiredFieldsIntro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <SubmitFeedback submit={submit} successText={t('apiTokens.issued')} />
        <TextField
          label={t('apiTokens.name')}
          hint={t('apiTokens.nameHint')}
          error={errors.name}
          required
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={setName}
        />
        <AgencyPicker
          label={t('apiTokens.agency')}
          value={agency ? [agency] : []}
          onChange={(picked) => setAgency(picked[0] ?? null)}
          error={errors.agencyId}
          required
        />
        <fieldset
          className="form__field api-tokens__capabilities"
          aria-describedby={capabilityError ? `${capabilitiesId}-error` : undefined}
        >
          <legend>
            {t('apiTokens.capabilities')}
            <span aria-hidden="true"> *</span>
          </legend>
          {API_CAPABILITIES.map((capability) => (
            <label key={capability}>
              <input
                type="checkbox"
                name="capabilities"
                value={capability}
                checked={capabilities.includes(capability)}
                onChange={(event) =>
                  setCapabilities((current) =>
                    event.target.checked
                      ? API_CAPABILITIES.filter((c) => c === capability || current.includes(c))
                      : current.filter((c) => c !== capability),
                  )
                }
              />{' '}
              {t(`apiTokens.capability.${CAPABILITY_KEY[capability]}`)} <code>{capability}</code>
            </label>
          ))}
          {capabilityError && (
            <p className="form__error" id={`${capabilitiesId}-error`}>
              {capabilityError}
            </p>
          )}
        </fieldset>
        <DateField
          label={t('apiTokens.expiresOn')}
          value={expires}
          onChange={setExpires}
          error={errors.expiresOn}
          required
        />
        <FormActions
          pending={submit.pending}
          label={t('apiTokens.issue')}
          pendingLabel={t('apiTokens.issuing')}
        />
      </form>
    </AdminPanel>
  );
}

/** The new token, once: a modal dialog with the value, a copy button and the warning that it is not shown again. */
export function TokenShownOnce({
  issued,
  onClose,
}: {
  issued: Issued & { name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const tokenId = useId();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <dialog ref={dialogRef} className="api-token-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t('apiTokens.shownOnceTitle', { name: issued.name })}</h2>
      <p className="form__alert">{t('apiTokens.shownOnceWarning')}</p>
      <div className="form__field">
        <label htmlFor={tokenId}>{t('apiTokens.tokenLabel')}</label>
        <input
          id={tokenId}
          readOnly
          value={issued.token}
          spellCheck={false}
          data-testid="api-token-value"
          onFocus={(event) => event.target.select()}
        />
      </div>
      <p role="status" className="form__success">
        {copied === 'copied' ? t('apiTokens.copied') : copied === 'failed' ? t('apiTokens.copyFailed') : ''}
      </p>
      <div className="row-actions">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {t('apiTokens.copy')}
        </button>
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('apiTokens.closeDialog')}
        </button>
      </div>
    </dialog>
  );
}

export function TokensTable({
  rows,
  busy,
  revoke,
}: {
  rows: readonly TokenRow[];
  busy: boolean;
  revoke: (row: TokenRow) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const now = Date.now();
  const columns: SimpleColumn<TokenRow>[] = [
    {
      key: 'name',
      header: t('apiTokens.name'),
      rowHeader: true,
      cell: (row) => (
        <>
          {row.name} <code>{row.prefix}…</code>
        </>
      ),
    },
    {
      key: 'agency',
      header: t('apiTokens.agency'),
      cell: (row) => (en ? row.agencyNameEn : row.agencyNameVi),
    },
    {
      key: 'capabilities',
      header: t('apiTokens.capabilities'),
      cell: (row) => row.capabilities.map((c) => t(`apiTokens.capability.${CAPABILITY_KEY[c]}`)).join(', '),
    },
    {
      key: 'expires',
      header: t('apiTokens.expiresAt'),
      cell: (row) => formatDate(row.expiresAt),
      cellClassName: 'nowrap',
    },
    {
      key: 'lastUsed',
      header: t('apiTokens.lastUsedAt'),
      cell: (row) => (row.lastUsedAt ? formatDateTime(row.lastUsedAt) : t('apiTokens.neverUsed')),
    },
    {
      key: 'created',
      header: t('apiTokens.createdBy'),
      cell: (row) => `${row.createdBy}, ${formatDate(row.createdAt)}`,
    },
    {
      key: 'state',
      header: t('apiTokens.state'),
      cell: (row) =>
        row.revokedAt ? (
          t('apiTokens.stateRevoked', { at: formatDateTime(row.revokedAt) })
        ) : new Date(row.expiresAt).getTime() <= now ? (
          t('apiTokens.stateExpired')
        ) : (
          <RevokeButton row={row} revoke={revoke} />
        ),
    },
  ];
  return (
    <SimpleTable
      caption={t('apiTokens.caption')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      busy={busy}
      testId="api-tokens"
    />
  );
}

/** "Thu hồi" with a confirm step in its place (as the users' lock). */
function RevokeButton({ row, revoke }: { row: TokenRow; revoke: (row: TokenRow) => Promise<void> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [confirming]);

  if (confirming) {
    const question = t('apiTokens.confirmRevoke', { name: row.name });
    return (
      // biome-ignore lint/a11y/useSemanticElements: a small inline confirmation, not a form; the group names it
      <span className="row-actions" role="group" aria-label={question}>
        <span>{question}</span>
        <button
          ref={confirmRef}
          type="button"
          className="button api-tokens__revoke"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            await revoke(row);
            setPending(false);
          }}
        >
          {t('apiTokens.revoke')}
        </button>
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => {
            returnFocus.current = true;
            setConfirming(false);
          }}
        >
          {t('userAdmin.cancel')}
        </button>
      </span>
    );
  }
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button"
      aria-label={t('apiTokens.revokeLabel', { name: row.name })}
      onClick={() => setConfirming(true)}
    >
      {t('apiTokens.revoke')}
    </button>
  );
}
