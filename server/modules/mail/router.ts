import { MAIL_OUTBOX_ROLES } from '../../../shared/page-access';
import { mailSettings, outboxInput, outboxPage, updateMailSettingsInput } from '../../../shared/schemas/mail';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
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

  /** Every mail made, newest first: the administrator's outbox (and, without SMTP, where mails stay). */
  outbox: roleProcedure(...MAIL_OUTBOX_ROLES)
    .input(outboxInput)
    .output(outboxPage)
    .query(({ ctx, input }) => findOutbox(ctx.database.db, input)),
});
