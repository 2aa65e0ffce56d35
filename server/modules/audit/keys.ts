import { createHash, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { type Config, signingKey } from '../../env';

/** The audit chain's keys: the HMAC key of each entry, and the Ed25519 pair signing checkpoints. */
export interface AuditKeys {
  hmac: KeyObject;
  signing: KeyObject;
  verifying: KeyObject;
  /** SHA-256 of the public key (SPKI DER), hex: names the key that signed a checkpoint. */
  keyId: string;
  /** The public key (PEM), given to inspectors with the checkpoints so they can check them anywhere. */
  publicKeyPem: string;
}

export function auditKeysFrom(config: Pick<Config, 'AUDIT_KEY' | 'AUDIT_SIGNING_KEY'>): AuditKeys {
  const signing = signingKey(config.AUDIT_SIGNING_KEY);
  if (!signing) throw new Error('AUDIT_SIGNING_KEY is not an Ed25519 private key');
  const verifying = createPublicKey(signing);
  return {
    hmac: createSecretKey(Buffer.from(config.AUDIT_KEY, 'utf8')),
    signing,
    verifying,
    keyId: createHash('sha256')
      .update(verifying.export({ format: 'der', type: 'spki' }))
      .digest('hex'),
    publicKeyPem: verifying.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/*
 * The keys of this process. Every service appends audit entries inside its own transaction with only
 * `tx` in hand; threading the key through each of them would change every write's signature for one
 * constant, so the server sets it once at start (buildApp) and appendAudits reads it here.
 */
let current: AuditKeys | null = null;

export function setAuditKeys(keys: AuditKeys): void {
  current = keys;
}

export function auditKeys(): AuditKeys {
  if (!current) throw new Error('audit keys not configured (buildApp sets them)');
  return current;
}
