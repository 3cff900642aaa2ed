import { createHash } from "node:crypto";
import { isUniqueViolation, type Prisma, type PrismaClient } from "@cm/db";
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { middleware } from "./trpc.ts";

type SerializedResult = Parameters<typeof superjson.deserialize>[0];

/**
 * Mutations that create something accept an optional `idempotencyKey` (the
 * apps send one per form submission). The key's record, the mutation's writes
 * and its stored result commit in ONE transaction: a retry, a double click or
 * a second tab with the same key gets the first result, and a crash part-way
 * leaves nothing behind, so the retry simply runs it again. As with Stripe,
 * the key remembers what it was used for: the same key with another request
 * body is refused with 409 instead of answering with the first result.
 */
export const idempotent = {
  shape: { idempotencyKey: z.uuid({ message: "The idempotency key must be a UUID" }).optional() },
  middleware: middleware(async ({ ctx, path, input, next }) => {
    const key = (input as { idempotencyKey?: string } | undefined)?.idempotencyKey;
    if (!key) return next();
    const caller = (await ctx.getStaff()) ?? (await ctx.getShop());
    // A key's requests are its own, apart from those of the person who created it.
    const who = caller?.apiKey ? `key:${caller.apiKey.id}` : (caller?.userId ?? "-");
    const scope = `${path}:${caller?.kind ?? "public"}:${who}`;
    const db = ctx.deps.db;
    const fingerprint = requestFingerprint(input);
    const replay = async () => {
      const previous = await db.idempotentRequest.findUnique({
        where: { scope_key: { scope, key } },
        select: { response: true, fingerprint: true },
      });
      if (previous?.fingerprint && previous.fingerprint !== fingerprint) throw keyReusedError();
      return previous?.response == null
        ? null
        : {
            ok: true as const,
            data: superjson.deserialize(previous.response as unknown as SerializedResult),
            marker: undefined as never,
          };
    };
    // No look-up first: the key's row is inserted at once, and a repeat (or a concurrent first
    // request, whose insert it waits for) fails on the unique key and is answered from the row.
    try {
      return await db.$transaction(async (tx) => {
        // A concurrent request with the same key waits here until the first commits (then fails on the key) or rolls back.
        await tx.idempotentRequest.create({ data: { scope, key, fingerprint, createdAt: ctx.deps.clock.now() } });
        const result = await next({ ctx: { deps: { ...ctx.deps, db: withinTransaction(tx) } } });
        if (!result.ok) throw new Unsuccessful<typeof result>(result);
        await tx.idempotentRequest.update({
          where: { scope_key: { scope, key } },
          data: { response: superjson.serialize(result.data) as unknown as Prisma.InputJsonValue },
        });
        return result;
      });
    } catch (error) {
      if (error instanceof Unsuccessful) return (error as Unsuccessful<Awaited<ReturnType<typeof next>>>).result;
      if (isUniqueViolation(error)) {
        const winner = await replay();
        if (winner) return winner;
        throw new TRPCError({
          code: "CONFLICT",
          message: "This request is already being processed; try again in a moment",
        });
      }
      throw error;
    }
  }),
};

export const KEY_REUSED_MESSAGE = "This idempotency key was used for a different request";
export const keyReusedError = () => new TRPCError({ code: "CONFLICT", message: KEY_REUSED_MESSAGE });

/** sha256 of the input without its key, independent of the order of object keys. */
export function requestFingerprint(input: unknown): string {
  const { idempotencyKey: _key, ...rest } = (input ?? {}) as Record<string, unknown>;
  return createHash("sha256").update(canonicalJson(rest)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Carries a failed result out of the transaction, rolling it back. */
class Unsuccessful<Result> extends Error {
  constructor(readonly result: Result) {
    super("unsuccessful");
  }
}

/**
 * The transaction's client, usable where services expect the full client:
 * their own `$transaction(...)` joins the surrounding one.
 */
function withinTransaction(tx: Prisma.TransactionClient): PrismaClient {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return (work: unknown) =>
          typeof work === "function"
            ? (work as (client: Prisma.TransactionClient) => Promise<unknown>)(target)
            : inOrder(work as Promise<unknown>[]);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as unknown as PrismaClient;
}

/** A batch `$transaction([...])` runs its queries one after another, in order, as Prisma does. */
async function inOrder(queries: Promise<unknown>[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results;
}
