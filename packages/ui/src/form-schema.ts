import type { Control, FieldValues } from "react-hook-form";
import type { z } from "zod";

// Which fields of a form are required, read from the zod schema the form is
// validated with: a field is required when its schema refuses the value the
// control holds when left empty ("" for a text, NaN for a number, null where
// the control sets null). That is exactly what the form will say on submit, so
// the mark never promises more or less than the check. Rules across fields
// (a refine on the object) are invisible here: such a field says `required`
// itself.

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
}
interface Schema {
  _zod: { def: Def };
  safeParse(value: unknown): { success: boolean };
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** The schema a container (object or array) is, under its optional/default/pipe wrappers. */
function container(schema: Schema): Schema | undefined {
  let current: Schema | undefined = schema;
  for (let depth = 0; current && depth < 20; depth++) {
    const def: Def = current._zod.def;
    if (def.type === "object" || def.type === "array") return current;
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else if (def.type === "lazy") current = def.getter?.();
    else return undefined;
  }
  return undefined;
}

/** The schema of the value at a dotted path ("billingAddress.city", "lines.0.quantity"), if it can be told. */
export function schemaAt(schema: z.ZodType, path: string): Schema | undefined {
  let current: Schema | undefined = schema as unknown as Schema;
  for (const key of path.split(".")) {
    const parent: Schema | undefined = current && container(current);
    if (!parent) return undefined;
    const def: Def = parent._zod.def;
    current = def.type === "object" ? def.shape?.[key] : /^\d+$/.test(key) ? def.element : undefined;
  }
  return current;
}

const cache = new WeakMap<object, Map<string, boolean>>();

/** Whether the schema refuses every one of `empties` at `path` (a field left empty fails). */
export function requiredAt(schema: z.ZodType, path: string, empties: readonly unknown[]): boolean {
  const key = `${path}\u0000${empties.map(String).join("|")}`;
  let known = cache.get(schema);
  if (!known) cache.set(schema, (known = new Map()));
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const leaf = schemaAt(schema, path);
  const required = !!leaf && empties.every((empty) => !accepts(leaf, empty));
  known.set(key, required);
  return required;
}

function accepts(schema: Schema, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    // An async refinement can't be run synchronously: assume the field may be empty.
    return true;
  }
}

const schemaByControl = new WeakMap<object, z.ZodType>();

/** useZodForm remembers the schema of the form it made, for its fields to read. */
export function rememberSchema<T extends FieldValues>(control: Control<T>, schema: z.ZodType) {
  schemaByControl.set(control, schema);
}

/** The schema a form is validated with, if useZodForm made it. */
export function schemaOfForm<T extends FieldValues>(control: Control<T>): z.ZodType | undefined {
  return schemaByControl.get(control);
}
