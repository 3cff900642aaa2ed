import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Secrets {
  authSecret: string;
  /** 32 bytes, base64: encrypts stored vendor credentials (AES-256-GCM). */
  encryptionKey: string;
  /** The embedded BitTitan simulator's API key and admin token. */
  simApiKey: string;
  simAdminToken: string;
}

const GENERATORS: Record<keyof Secrets, () => string> = {
  authSecret: () => randomBytes(32).toString("base64url"),
  encryptionKey: () => randomBytes(32).toString("base64"),
  simApiKey: () => `sim_${randomBytes(18).toString("base64url")}`,
  simAdminToken: () => `simadmin_${randomBytes(18).toString("base64url")}`,
};

/**
 * The embedded default keeps generated secrets in DATA_DIR/secrets.json
 * (mode 0600) so sessions and encrypted data survive a restart. Production
 * passes them in the environment instead; those are never written to disk.
 */
export function loadOrCreateSecrets(dataDir: string, fromEnv: Partial<Secrets>): Secrets {
  const file = join(dataDir, "secrets.json");
  const stored: Partial<Secrets> = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>) : {};
  const generated: Partial<Secrets> = {};
  const secrets = {} as Secrets;
  for (const key of Object.keys(GENERATORS) as (keyof Secrets)[]) {
    const value = fromEnv[key] ?? stored[key] ?? (generated[key] = GENERATORS[key]());
    secrets[key] = value;
  }
  if (Object.keys(generated).length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...stored, ...generated }, null, 2), { mode: 0o600 });
  }
  return secrets;
}
