import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../../root.ts";

// Every Storefront response goes through an output schema that names each
// field a customer may see; anything else a service returns is stripped.

/** tRPC keeps a procedure's output parser in its definition (untyped there). */
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { output?: z.ZodType } }>;
const storefrontProcedures = Object.entries(procedures).filter(([path]) => path.startsWith("storefront."));

/** Where a schema would let through what it does not name: loose objects, records, unknown/any leaves. */
function looseSpots(schema: z.ZodType, at: string): string[] {
  if (schema instanceof z.ZodObject) {
    const catchall = schema.def.catchall;
    const own = catchall && !(catchall instanceof z.ZodNever) ? [`${at} (an object that keeps unknown keys)`] : [];
    return [
      ...own,
      ...Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
        looseSpots(field, `${at}.${key}`),
      ),
    ];
  }
  if (schema instanceof z.ZodArray) return looseSpots(schema.element as z.ZodType, `${at}[]`);
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional)
    return looseSpots(schema.unwrap() as z.ZodType, at);
  if (schema instanceof z.ZodUnion)
    return (schema.options as z.ZodType[]).flatMap((option, index) => looseSpots(option, `${at}|${index}`));
  const closed = [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodDate, z.ZodEnum, z.ZodLiteral, z.ZodNever];
  return closed.some((kind) => schema instanceof kind) ? [] : [`${at} (a ${schema.def.type})`];
}

describe("the Storefront's output schemas", () => {
  it("are declared on every storefront procedure", () => {
    expect(storefrontProcedures.length).toBeGreaterThan(30);
    expect(storefrontProcedures.filter(([, procedure]) => !procedure._def.output).map(([path]) => path)).toEqual([]);
  });

  it("name every field they let through (no loose objects, records or unknown values)", () => {
    const loose = storefrontProcedures.flatMap(([path, procedure]) =>
      procedure._def.output ? looseSpots(procedure._def.output, path) : [],
    );
    expect(loose).toEqual([]);
  });

  it("strip a field a service adds by mistake", async () => {
    const parsed = await procedures["storefront.checkout.complete"]?._def.output?.parseAsync({
      orderId: "o",
      orderNumber: "O-1",
      replayed: false,
      actor: "staff:Ada Admin",
    });
    expect(parsed).toEqual({ orderId: "o", orderNumber: "O-1", replayed: false });
  });
});
