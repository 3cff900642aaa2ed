import { z } from "zod";

// Building blocks of the `.output()` schemas. tRPC parses every response
// through its procedure's output schema, and a zod object strips the keys it
// does not name: a field a service adds reaches the client only once its
// schema names it. Never `.passthrough()`, `.loose()` or `z.looseObject` here.
// Server-side only: not exported to the apps (they get types from RouterOutputs).

/**
 * An output schema that parses to exactly `Dto`: typecheck fails when the DTO
 * gains a field (or a value) the schema misses, or the schema one the DTO lacks.
 */
export const outputSchemaOf =
  <Dto>() =>
  <Schema extends z.ZodType<Dto>>(
    schema: Schema & ([Dto] extends [z.output<Schema>] ? unknown : { schemaNamesFieldsTheDtoLacks: never }),
  ): Schema =>
    schema;

/** An amount as it travels: a decimal string ("1234.50"), never a float. */
export const moneyOutput = z.string();

export const companyRefOutput = z.object({ id: z.string(), companyName: z.string() });
export const documentRefOutput = z.object({ id: z.string(), number: z.string() });

/** A numbered page (see shared/paginate.ts). */
export const pageOutput = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** A document's or line's amounts (see shared/money.ts). */
export const totalsOutput = z.object({ net: moneyOutput, tax: moneyOutput, gross: moneyOutput });
/** What every document line stores (order, invoice): see `lineAmounts`. */
export const lineAmountsOutput = totalsOutput.extend({
  quantity: z.number(),
  unitPrice: moneyOutput,
  taxRate: moneyOutput,
});
