import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../shared/roles';

/**
 * The only place that reads process.env. Everything else receives a validated `Config`.
 */
/** One trusted proxy hop: an IPv4/IPv6 address or CIDR range, or a proxy-addr range name. */
const TRUSTED_HOP = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** postgres://… to use a PostgreSQL server; unset to use embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must start with postgres://'),
  /**
   * postgres://… of the role that owns the tables, to run the migrations with; DATABASE_URL is then the
   * application's role, granted only SELECT and INSERT on the audit tables (server/db/roles.ts).
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must start with postgres://'),
  /**
   * postgres://… of a streaming replica of DATABASE_URL: the read-only aggregates and reports are read
   * there when it has replayed what their reader wrote or was shown (server/db/replica.ts).
   */
  READ_DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'must start with postgres://'),
  /** A replica that lacks a change heard this long ago serves nobody until it has caught up. */
  READ_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(10_000),
  DATA_DIR: z.string().default('./data'),
  /** HMAC key of the audit chain. Required in production; generated and kept in DATA_DIR otherwise. */
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Ed25519 private key signing the audit checkpoints (PEM, or base64 of PKCS#8 DER). Required in
   * production; generated and kept in DATA_DIR otherwise.
   */
  AUDIT_SIGNING_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => v === undefined || signingKey(v) !== null,
      'must be an Ed25519 private key (PEM or base64 PKCS#8 DER)',
    ),
  /** Where each signed checkpoint is also appended (JSON lines); default DATA_DIR/audit-checkpoints.jsonl, 'off' for none. */
  AUDIT_CHECKPOINT_FILE: z.string().trim().optional(),
  /** How often a checkpoint is signed when the audit chain has grown. */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().positive().default(5),
  /** Key for hashing session tokens. Required in production; generated and kept in DATA_DIR otherwise. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** A session ends this long after its login, however active (the sliding lifetime above is within it). */
  SESSION_MAX_HOURS: z.coerce.number().positive().default(24),
  /** How long a resolved session is reused without a database lookup (server/modules/auth/sessions.ts). */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Extra origins allowed to send state-changing requests (comma-separated), besides the server's own. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /**
   * The reverse proxies in front of the server (addresses, CIDR ranges, or 'loopback' / 'linklocal' /
   * 'uniquelocal', comma-separated), or 'false'. A client's address is then the right-most address of
   * X-Forwarded-For that is not one of them. 'true' (trust every hop) is refused: the left-most address
   * is whatever the client wrote, and limits keyed on it can be dodged.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => v.trim())
    .refine((v) => v !== 'true', {
      message:
        "'true' would trust an X-Forwarded-For the client writes; list the proxies' addresses (e.g. 127.0.0.1 or 10.0.0.0/8)",
    })
    .refine((v) => v === 'false' || v.split(',').every((p) => TRUSTED_HOP.test(p.trim())), {
      message: "'false', or addresses / CIDR ranges / loopback, linklocal, uniquelocal separated by commas",
    })
    .transform((v): false | string[] => (v === 'false' ? false : v.split(',').map((p) => p.trim()))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Number of generated commune-level units in demo data (the real country has 3,321). */
  SEED_COMMUNES: z.coerce.number().int().min(0).max(3321).default(3321),
  /** Whether `npm start` seeds an empty database with demo users and history. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Live streams one session may hold open in one process (one per open tab). */
  LIVE_STREAMS_PER_SESSION: z.coerce.number().int().positive().default(12),
  /** Live streams one process holds open at most. */
  LIVE_STREAMS_MAX: z.coerce.number().int().positive().default(20000),
  /**
   * Roles that must use a second factor (TOTP), comma-separated, or 'none'. Unset: the Office, inspectors
   * and administrators in production; none in development and tests (the demo can be tried without an
   * authenticator app), where MFA stays optional for everyone.
   */
  MFA_REQUIRED_ROLES: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => v === undefined || v === '' || v === 'none' || v.split(',').every((r) => ROLE_SET.has(r.trim())),
      { message: `'none', or roles separated by commas (${ROLES.join(', ')})` },
    ),
  /** Evidence one agency may keep stored, in MB (a fraction is allowed, for tests); past it an upload gets 413. */
  UPLOAD_QUOTA_MB_PER_AGENCY: z.coerce.number().positive().default(2048),
  /** An evidence file attached to nothing is deleted this long after its upload. */
  EVIDENCE_UNATTACHED_HOURS: z.coerce.number().positive().default(24),
  /**
   * Whether the session cookie is `__Host-dgm_session` with Secure (server/modules/auth/cookie.ts).
   * Unset: true in production, false otherwise (a browser drops Secure cookies over plain http).
   */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /**
   * smtp://user:pass@host:587 or smtps://…:465 (nodemailer's URL form): notification mails and digests
   * go through it. Unset: they stay in the outbox the administrator reads (docs/decisions/0024).
   */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^smtps?:\/\/[^/]/.test(v), 'must start with smtp:// or smtps://'),
  /** The sender of the mails, e.g. `Giám sát Chính phủ số <no-reply@example.gov.vn>`. */
  MAIL_FROM: z.string().trim().min(3).default('Giám sát Chính phủ số <no-reply@localhost>'),
  /**
   * The address users open the application at, for the links in mails (e.g. https://giamsat.example.gov.vn).
   * Unset: http://localhost:PORT.
   */
  PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .refine(
      (v) => v === undefined || /^https?:\/\/[^/]+(\/.*)?$/.test(v),
      'must start with http:// or https://',
    ),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  /** Machine API calls (`/api/v1`) per API token per minute (docs/decisions/0034-machine-clients.md). */
  API_TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Requests per minute per address to the public portal and open-data files (ADR 0033). */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
});

type Secrets =
  | 'SESSION_SECRET'
  | 'AUDIT_KEY'
  | 'AUDIT_SIGNING_KEY'
  | 'AUDIT_CHECKPOINT_FILE'
  | 'MFA_REQUIRED_ROLES'
  | 'COOKIE_SECURE'
  | 'PUBLIC_URL';
export type Config = Omit<z.infer<typeof envSchema>, Secrets> & {
  SESSION_SECRET: string;
  AUDIT_KEY: string;
  /** The Ed25519 private key, PEM or base64 PKCS#8 DER (validated). */
  AUDIT_SIGNING_KEY: string;
  /** null: checkpoints are kept in the database only. */
  AUDIT_CHECKPOINT_FILE: string | null;
  MFA_REQUIRED_ROLES: readonly Role[];
  COOKIE_SECURE: boolean;
  /** Without a trailing slash. */
  PUBLIC_URL: string;
};

/** Fixed keys of the test environment: never used outside NODE_ENV=test. */
const TEST_AUDIT_KEY = 'test-audit-key-not-for-production-0123456789';
const TEST_AUDIT_SIGNING_KEY = 'MC4CAQAwBQYDK2VwBCIEIMy+PL8W9QxJ7VrMQTNbhom443lpblZTNH0g755e7n3T';

/** The Ed25519 private key in `text` (PEM, or base64 PKCS#8 DER), or null. */
export function signingKey(text: string): KeyObject | null {
  try {
    const key = text.includes('-----BEGIN')
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
/** Who must use MFA when MFA_REQUIRED_ROLES is unset. */
const MFA_ROLES_IN_PRODUCTION: readonly Role[] = ['office', 'inspector', 'admin'];

function mfaRequiredRoles(value: string | undefined, nodeEnv: string): readonly Role[] {
  if (value === undefined) return nodeEnv === 'production' ? MFA_ROLES_IN_PRODUCTION : [];
  if (value === '' || value === 'none') return [];
  return value.split(',').map((r) => r.trim() as Role);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  const { NODE_ENV: nodeEnv, DATA_DIR: dataDir } = config;
  if (config.MIGRATION_DATABASE_URL && !config.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  MIGRATION_DATABASE_URL: needs DATABASE_URL (the application role)',
    );
  }
  if (config.READ_DATABASE_URL && !config.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  READ_DATABASE_URL: needs DATABASE_URL (the primary the replica follows); the embedded database has no replica',
    );
  }
  const missing = (['SESSION_SECRET', 'AUDIT_KEY', 'AUDIT_SIGNING_KEY'] as const).filter((k) => !config[k]);
  if (nodeEnv === 'production' && missing.length) {
    throw new Error(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required in production`).join('\n')}`,
    );
  }
  const test = nodeEnv === 'test';
  const checkpointFile = config.AUDIT_CHECKPOINT_FILE;
  return {
    ...config,
    SESSION_SECRET:
      config.SESSION_SECRET ??
      (test
        ? 'test-secret-not-for-production-0123456789'
        : keptSecret(dataDir, '.session-secret', () => randomBytes(32).toString('hex'))),
    AUDIT_KEY:
      config.AUDIT_KEY ??
      (test ? TEST_AUDIT_KEY : keptSecret(dataDir, '.audit-key', () => randomBytes(32).toString('hex'))),
    AUDIT_SIGNING_KEY:
      config.AUDIT_SIGNING_KEY ??
      (test
        ? TEST_AUDIT_SIGNING_KEY
        : keptSecret(dataDir, '.audit-signing-key', () =>
            generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
          )),
    // Tests write no file unless they ask for one.
    AUDIT_CHECKPOINT_FILE:
      checkpointFile === 'off' || (test && !checkpointFile)
        ? null
        : checkpointFile || path.join(dataDir, 'audit-checkpoints.jsonl'),
    MFA_REQUIRED_ROLES: mfaRequiredRoles(config.MFA_REQUIRED_ROLES, config.NODE_ENV),
    COOKIE_SECURE: (config.COOKIE_SECURE ?? String(config.NODE_ENV === 'production')) === 'true',
    PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
  };
}

/**
 * A development secret generated once and kept in DATA_DIR (mode 0600). Two processes starting together
 * keep the same one: the file appears whole (a link to a finished temporary file) or not at all.
 */
function keptSecret(dataDir: string, name: string, generate: () => string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, generate(), { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return readFileSync(file, 'utf8').trim();
}
