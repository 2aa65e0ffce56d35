import { TRPCClientError } from '@trpc/client';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { i18n } from '../lib/i18n/i18n';
import { formMessages } from './form-errors';

function refusal(appCode: string, message: string, details?: Record<string, unknown>) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32000, data: { appCode, details } } },
  } as never);
}

describe('formMessages', () => {
  const labels: Record<string, string> = { title: 'Title', leadAgencyId: 'Lead agency' };
  const vocabulary = {
    validation: 'taskValidation',
    errors: 'taskErrors',
    conflict: 'taskErrors.staleVersion',
    label: (path: string) => labels[path] ?? path,
    choice: (path: string) => path === 'leadAgencyId',
  };

  it('words schema keys per field, "please choose" for picked fields, "not valid" for unknown keys', async () => {
    await i18n.changeLanguage('en');
    const messages = formMessages(i18n.t.bind(i18n) as TFunction, i18n, vocabulary);
    const schema = z.object({
      title: z.string().min(1, 'required'),
      leadAgencyId: z.number().min(1, 'required'),
      other: z.string().min(1, 'noSuchKey'),
    });
    const parsed = schema.safeParse({ title: '', leadAgencyId: 0, other: '' });
    if (parsed.success) throw new Error('expected a refusal');
    expect(messages.fieldErrors(parsed.error)).toEqual({
      title: i18n.t('validation.required', { field: 'title' }),
      leadAgencyId: i18n.t('validation.choose', { field: 'lead agency' }),
      other: i18n.t('validation.invalid', { field: 'other' }),
    });
  });

  it("words the service's reasons and marks a stale record with the conflict sentence", async () => {
    await i18n.changeLanguage('en');
    const messages = formMessages(i18n.t.bind(i18n) as TFunction, i18n, vocabulary);
    expect(messages.describe(refusal('CONFLICT', 'documentNumberTaken', { field: 'number' }))).toEqual({
      message: i18n.t('taskErrors.documentNumberTaken'),
      field: 'number',
      stale: false,
    });
    expect(messages.describe(refusal('CONFLICT', 'staleVersion')).stale).toBe(true);
    expect(messages.describe(refusal('CONFLICT', 'staleVersion')).message).toBe(
      i18n.t('taskErrors.staleVersion'),
    );
    const other = formMessages(i18n.t.bind(i18n) as TFunction, i18n, {
      ...vocabulary,
      conflict: undefined,
    } as never);
    expect(other.describe(refusal('CONFLICT', 'somethingElse')).message).toBe(i18n.t('errors.CONFLICT'));
  });
});
