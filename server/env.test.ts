import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './env';

describe('configuration', () => {
  it('has defaults that run the product with no settings', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe('./data');
    expect(config.SEED_COMMUNES).toBe(3321);
  });

  it('keeps mails in the outbox without SMTP_URL, and links them to PUBLIC_URL or the local server', () => {
    const local = loadConfig({ NODE_ENV: 'test', PORT: '4100' });
    expect(local.SMTP_URL).toBeUndefined();
    expect(local.PUBLIC_URL).toBe('http://localhost:4100');
    const real = loadConfig({
      NODE_ENV: 'test',
      SMTP_URL: 'smtps://user:pass@mail.example.gov.vn:465',
      PUBLIC_URL: 'https://giamsat.example.gov.vn/',
    });
    expect(real.SMTP_URL).toBe('smtps://user:pass@mail.example.gov.vn:465');
    expect(real.PUBLIC_URL).toBe('https://giamsat.example.gov.vn');
    expect(() => loadConfig({ NODE_ENV: 'test', SMTP_URL: 'mail.example.gov.vn' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'giamsat.example.gov.vn' })).toThrow(
      /PUBLIC_URL/,
    );
  });

  it('reads PORT and DATABASE_URL', () => {
    const config = loadConfig({ NODE_ENV: 'test', PORT: '4000', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBe('postgres://u@h:5432/db');
  });

  it('has an evidence quota per agency and a grace period for unattached files, refusing zero', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.UPLOAD_QUOTA_MB_PER_AGENCY).toBe(2048);
    expect(config.EVIDENCE_UNATTACHED_HOURS).toBe(24);
    expect(
      loadConfig({ NODE_ENV: 'test', UPLOAD_QUOTA_MB_PER_AGENCY: '500' }).UPLOAD_QUOTA_MB_PER_AGENCY,
    ).toBe(500);
    expect(() => loadConfig({ NODE_ENV: 'test', UPLOAD_QUOTA_MB_PER_AGENCY: '0' })).toThrow(
      /UPLOAD_QUOTA_MB_PER_AGENCY/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', EVIDENCE_UNATTACHED_HOURS: '-1' })).toThrow(
      /EVIDENCE_UNATTACHED_HOURS/,
    );
  });

  it('explains every bad value at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });

  const auditKeys = {
    AUDIT_KEY: 'k'.repeat(32),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64'),
  };

  it('requires a strong session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...auditKeys })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...auditKeys, SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', ...auditKeys, SESSION_SECRET: 'x'.repeat(32) }).SESSION_SECRET,
    ).toHaveLength(32);
  });

  it('requires the audit keys in production: an HMAC key of 32 characters or more and an Ed25519 key', () => {
    const base = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/AUDIT_KEY: required[\s\S]*AUDIT_SIGNING_KEY: required/);
    expect(() => loadConfig({ ...base, ...auditKeys, AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => loadConfig({ ...base, ...auditKeys, AUDIT_SIGNING_KEY: rsa.toString() })).toThrow(
      /AUDIT_SIGNING_KEY: must be an Ed25519/,
    );
    const config = loadConfig({ ...base, ...auditKeys, DATA_DIR: '/srv/dgm' });
    expect(config.AUDIT_KEY).toBe(auditKeys.AUDIT_KEY);
    expect(config.AUDIT_CHECKPOINT_FILE).toBe(path.join('/srv/dgm', 'audit-checkpoints.jsonl'));
    expect(
      loadConfig({ ...base, ...auditKeys, AUDIT_CHECKPOINT_FILE: 'off' }).AUDIT_CHECKPOINT_FILE,
    ).toBeNull();
  });

  it('in development, generates the audit keys once into DATA_DIR (mode 0600) and keeps them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dgm-env-'));
    try {
      const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
      const again = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
      expect(again.AUDIT_KEY).toBe(first.AUDIT_KEY);
      expect(again.AUDIT_SIGNING_KEY).toBe(first.AUDIT_SIGNING_KEY);
      expect(first.AUDIT_SIGNING_KEY).toMatch(/BEGIN PRIVATE KEY/);
      expect(statSync(path.join(dir, '.audit-signing-key')).mode & 0o777).toBe(0o600);
      expect(first.AUDIT_CHECKPOINT_FILE).toBe(path.join(dir, 'audit-checkpoints.jsonl'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('READ_DATABASE_URL (a streaming replica) needs DATABASE_URL (its primary), and is a postgres:// URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', READ_DATABASE_URL: 'postgres://app@replica/db' })).toThrow(
      /READ_DATABASE_URL: needs DATABASE_URL/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: 'postgres://app@primary/db',
        READ_DATABASE_URL: 'mysql://x',
      }),
    ).toThrow(/READ_DATABASE_URL: must start with postgres:\/\//);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://app@primary/db',
      READ_DATABASE_URL: 'postgres://app@replica/db',
    });
    expect(config.READ_DATABASE_URL).toBe('postgres://app@replica/db');
    expect(config.READ_REPLICA_MAX_LAG_MS).toBe(10_000);
    expect(loadConfig({ NODE_ENV: 'test', READ_DATABASE_URL: ' ' }).READ_DATABASE_URL).toBeUndefined();
  });

  it('MIGRATION_DATABASE_URL (the owner) needs DATABASE_URL (the application role)', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', MIGRATION_DATABASE_URL: 'postgres://owner@h/db' })).toThrow(
      /MIGRATION_DATABASE_URL/,
    );
  });
});
