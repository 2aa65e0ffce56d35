import { MAIL_OUTBOX_ROLES } from '../../../shared/page-access';
import {
  digestPreview,
  mailSettings,
  outboxInput,
  outboxPage,
  updateMailSettingsInput,
} from '../../../shared/schemas/mail';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { previewDigest } from './digest';
import { findMailSettings, findOutbox, updateMailSettings } from './outbox';

/** Mail of notifications (docs/decisions/0024-mail-and-digests.md). */
export const mailRouter = router({
  /** The user's own address and delivery per kind. */
  settings: authedProcedure
    .output(mailSettings)
    .query(({ ctx }) => findMailSettings(ctx.database.db, ctx.user.id, ctx.config.SMTP_URL !== undefined)),

  updateSettings: authedProcedure
    .input(updateMailSettingsInput)
    .output(mailSettings)
    .mutation(({ ctx, input }) =>
      updateMailSettings(ctx.database.db, ctx.user, input, ctx.config.SMTP_URL !== undefined),
    ),

  /** The user's own next digest, as it would be written now (the same words and links as the mail). */
  digestPreview: authedProcedure
    .output(digestPreview)
    .query(({ ctx }) =>
      previewDigest(ctx.database.db, ctx.user.id, { now: new Date(), baseUrl: ctx.config.PUBLIC_URL }),
    ),

  /** Every mail made, newest first: the administrator's outbox (and, without SMTP, where mails stay). */
  outbox: roleProcedure(...MAIL_OUTBOX_ROLES)
    .input(outboxInput)
    .output(outboxPage)
    .query(({ ctx, input }) => findOutbox(ctx.database.db, input)),
});
