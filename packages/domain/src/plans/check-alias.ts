import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { aliasProblem, normalizeAlias } from "../schemas/storefront-alias.ts";
import { storefrontUrl } from "../shared/storefront-url.ts";

type Db = DomainDeps["db"] | Prisma.TransactionClient;

export interface AliasCheckDto {
  /** As it will be stored (lower-case, trimmed). */
  alias: string;
  available: boolean;
  /** Why not: not a usable alias at all, or someone else's. */
  reason: "invalid" | "taken" | null;
  /** Why not, in words for the customer (null when available). */
  message: string | null;
}

/** The live check as the apps show it: with the Storefront's address (PUBLIC_URL + /alias) when available. */
export interface AliasCheckResultDto extends AliasCheckDto {
  /** The reseller's Storefront address, from the server's PUBLIC_URL (the base the emails use); null when not available. */
  url: string | null;
}

export async function checkAliasWithUrl(
  deps: Pick<DomainDeps, "db" | "publicUrl">,
  accountId: string,
  input: string,
): Promise<AliasCheckResultDto> {
  const check = await checkAlias(deps.db, accountId, input);
  return { ...check, url: check.available ? storefrontUrl(deps, check.alias) : null };
}

/** The message for a taken alias; it never says who holds it. */
export const takenMessage = (alias: string) => `The alias “${alias}” is already taken. Please choose another one.`;

/**
 * Whether `accountId` may use this alias: well-formed, not reserved, and free
 * (or already its own: a reseller keeps its alias across plan changes and
 * during the retention period after a plan ends).
 */
export async function checkAlias(db: Db, accountId: string, input: string): Promise<AliasCheckDto> {
  const alias = normalizeAlias(input);
  const problem = aliasProblem(alias);
  if (problem) return { alias, available: false, reason: "invalid", message: problem };
  const holders = await db.$queryRaw<{ accountId: string }[]>`
    SELECT "accountId" FROM "ResellerStorefront" WHERE lower("alias") = ${alias} LIMIT 1`;
  const holder = holders[0];
  if (holder && holder.accountId !== accountId)
    return { alias, available: false, reason: "taken", message: takenMessage(alias) };
  return { alias, available: true, reason: null, message: null };
}

/**
 * The check again, inside the transaction that will take the alias, after an
 * advisory lock on it: of two buyers racing for one alias, the second waits
 * for the first to commit and then sees it taken.
 */
export async function lockAvailableAlias(
  tx: Prisma.TransactionClient,
  accountId: string,
  input: string,
  field: string,
): Promise<string> {
  const alias = normalizeAlias(input);
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`storefront-alias:${alias}`}))::text`;
  const check = await checkAlias(tx, accountId, alias);
  if (!check.available)
    throw new DomainError(
      check.reason === "taken" ? "CONFLICT" : "INVALID",
      check.message ?? takenMessage(alias),
      field,
    );
  return check.alias;
}
