import { Prisma } from "@cm/db";
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { middleware } from "./trpc.ts";

/**
 * Mutations that create something accept an optional `idempotencyKey` (the
 * apps send one per form submission): a retry, a double click or a second tab
 * with the same key gets the first outcome instead of a second record.
 */
export const idempotent = {
  shape: { idempotencyKey: z.uuid({ message: "The idempotency key must be a UUID" }).optional() },
  middleware: middleware(async ({ ctx, path, input, next }) => {
    const key = (input as { idempotencyKey?: string } | undefined)?.idempotencyKey;
    if (!key) return next();
    const caller = (await ctx.getStaff()) ?? (await ctx.getShop());
    const scope = `${path}:${caller?.kind ?? "public"}:${caller?.userId ?? "-"}`;
    const db = ctx.deps.db;
    try {
      await db.idempotentRequest.create({ data: { scope, key } });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      const previous = await db.idempotentRequest.findUnique({ where: { scope_key: { scope, key } } });
      if (previous?.response == null) {
        throw new TRPCError({ code: "CONFLICT", message: "This request is already being processed; try again in a moment" });
      }
      return { ok: true as const, data: superjson.deserialize(previous.response as unknown as Parameters<typeof superjson.deserialize>[0]), marker: undefined as never };
    }
    const result = await next();
    if (result.ok) {
      const response = superjson.serialize(result.data) as unknown as Prisma.InputJsonValue;
      await db.idempotentRequest.update({ where: { scope_key: { scope, key } }, data: { response } });
    } else {
      await db.idempotentRequest.delete({ where: { scope_key: { scope, key } } });
    }
    return result;
  }),
};
