import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import type { InstanceSetup } from "../schemas/setup.ts";
import { isSetupNeeded, setupInstance, type InstanceSetupResult } from "./setup-instance.ts";

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest();

/**
 * While no staff user exists, a fresh one-time setup token for the browser's
 * /bss/setup (only its hash is stored; the server prints the token in its log,
 * as Jenkins and GitLab do, so a stranger who reaches the page first cannot
 * claim the instance). Returns null, and forgets any old token, once an
 * administrator exists.
 */
export async function issueSetupToken(deps: Pick<DomainDeps, "db">): Promise<string | null> {
  if (!(await isSetupNeeded(deps))) {
    await deps.db.setupToken.deleteMany({});
    return null;
  }
  const token = randomBytes(18).toString("base64url");
  const tokenHash = hashOf(token).toString("hex");
  await deps.db.setupToken.upsert({
    where: { id: "default" },
    create: { tokenHash },
    update: { tokenHash, createdAt: new Date() },
  });
  return token;
}

/** The browser's set-up: the token first, then the same rules as `npm run setup`. */
export async function setupInstanceWithToken(
  deps: DomainDeps,
  input: InstanceSetup & { setupToken: string },
): Promise<InstanceSetupResult> {
  const stored = await deps.db.setupToken.findUnique({ where: { id: "default" }, select: { tokenHash: true } });
  if (!stored) {
    if (!(await isSetupNeeded(deps)))
      throw new DomainError("CONFLICT", "This instance is already set up. Sign in instead.");
    throw new DomainError(
      "PRECONDITION_FAILED",
      "No setup token is active: restart the server and use the token it prints.",
      "setupToken",
    );
  }
  const expected = Buffer.from(stored.tokenHash, "hex");
  const given = hashOf(input.setupToken);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError(
      "FORBIDDEN",
      "That is not the setup token. Copy it from the server's log: it is printed at every start until set-up is done.",
      "setupToken",
    );
  }
  return setupInstance(deps, input);
}
