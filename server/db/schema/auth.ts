import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Language } from '../../../shared/languages';
import { ROLES } from '../../../shared/roles';
import { agencies } from './agencies';

export const role = pgEnum('role', ROLES);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    role: role('role').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set for demo accounts in production and for passwords an administrator chose: changed at next login. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** The TOTP secret, encrypted with a key the database does not hold; null until enrolled. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Consecutive failed logins (password or second factor); reset by a successful login. */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** No login is checked before this time (backoff after repeated failures). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Where the user's notification mails go (docs/decisions/0024-mail-and-digests.md); null: none. */
    email: text('email'),
    /** The account's language: the interface after login, and its mails (docs/decisions/0027). */
    language: text('language').$type<Language>().notNull().default('vi'),
  },
  (t) => [
    index('users_agency_idx').on(t.agencyId),
    index('users_role_idx').on(t.role),
    check('users_language_check', sql`${t.language} in ('vi', 'en')`),
    // One active account per mailbox: a second one is a slip of the hand (docs/decisions/0027).
    uniqueIndex('users_active_email_idx')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.active} and ${t.email} is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** HMAC-SHA256 of the cookie token: a leaked table does not give usable cookies. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /**
     * How far the login has gone: 'full' opens the application; 'mfa' (second factor awaited),
     * 'password' (a new password must be chosen) and 'enroll' (MFA must be set up) open only those steps.
     */
    stage: text('stage').$type<'full' | 'mfa' | 'password' | 'enroll'>().notNull().default('full'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** One-time recovery codes for a lost authenticator, stored as hashes; a used code is kept with its time. */
export const userRecoveryCodes = pgTable(
  'user_recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Every failed login, for the administrator: who was tried, from where, and why it failed. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** As typed (lower-cased, cut to 100 characters): unknown usernames are recorded too. */
    usernameTried: text('username_tried').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    ip: text('ip'),
    /** 'password' | 'second_factor' | 'locked' | 'inactive' | 'unknown_user' */
    reason: text('reason').notNull(),
  },
  (t) => [
    index('login_failures_at_idx').on(t.at),
    index('login_failures_user_idx').on(t.userId, t.at),
    // Unknown usernames lock from their own failures, and the administrator filters by username.
    index('login_failures_username_idx').on(t.usernameTried, t.at),
  ],
);
