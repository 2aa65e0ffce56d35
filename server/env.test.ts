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

  it('requires a strong session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).SESSION_SECRET,
    ).toHaveLength(32);
  });
});
