import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Secrets {
  authSecret: string;
  /** 32 bytes, base64: encrypts stored vendor credentials (AES-256-GCM). */
  encryptionKey: string;
}

/**
 * The embedded default keeps generated secrets in DATA_DIR/secrets.json
 * (mode 0600) so sessions and encrypted data survive a restart. Production
 * passes them in the environment instead.
 */
export function loadOrCreateSecrets(dataDir: string, fromEnv: Partial<Secrets>): Secrets {
  const file = join(dataDir, "secrets.json");
  const stored: Partial<Secrets> = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>) : {};
  const generated: Partial<Secrets> = {};
  if (!fromEnv.authSecret && !stored.authSecret) generated.authSecret = randomBytes(32).toString("base64url");
  if (!fromEnv.encryptionKey && !stored.encryptionKey) generated.encryptionKey = randomBytes(32).toString("base64");
  if (Object.keys(generated).length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...stored, ...generated }, null, 2), { mode: 0o600 });
  }
  const pick = (key: keyof Secrets): string => {
    const value = fromEnv[key] ?? stored[key] ?? generated[key];
    if (!value) throw new Error(`secret ${key} is missing`);
    return value;
  };
  return { authSecret: pick("authSecret"), encryptionKey: pick("encryptionKey") };
}
