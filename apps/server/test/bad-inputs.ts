import { randomUUID } from "node:crypto";

// Bad inputs derived from a procedure's zod input schema, read through zod 4's
// public definition objects (`schema._zod.def`). Each case starts from a
// plausible input and breaks one thing: a wrong type, a missing required
// field, NUL, an unpaired surrogate, a 1 MB string, -1/NaN/1e308 numbers, an
// unknown or malformed id. Deterministic: the same seed picks the same cases.

interface Def {
  type: string;
  format?: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  in?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  items?: Schema[];
}
export interface Schema {
  _zod: { def: Def };
}

export interface BadCase {
  label: string;
  input: unknown;
  /** superjson meta for values JSON can't carry (NaN). */
  meta?: unknown;
}

const MEGABYTE_STRING = "x".repeat(1_000_000);

/** Unwraps optional/nullable/default/pipe wrappers; says whether the field may be left out. */
function unwrap(schema: Schema): { leaf: Schema; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = current._zod.def;
    if (def.type === "optional" || def.type === "default" || def.type === "prefault") optional = true;
    if (
      (def.type === "optional" ||
        def.type === "nullable" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "readonly" ||
        def.type === "catch") &&
      def.innerType
    )
      current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return { leaf: current, optional };
  }
}

/** An input the schema would likely accept, to break one part of. */
export function plausible(schema: Schema): unknown {
  const { leaf } = unwrap(schema);
  const def = leaf._zod.def;
  switch (def.type) {
    case "string":
      return def.format === "uuid"
        ? randomUUID()
        : def.format === "email"
          ? "probe@example.com"
          : def.format === "url"
            ? "https://example.com"
            : "probe";
    case "number":
      return 1;
    case "boolean":
      return true;
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "object":
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, child]) => [key, plausible(child)]));
    case "array":
      return def.element ? [plausible(def.element)] : [];
    case "union":
      return def.options?.[0] ? plausible(def.options[0]) : null;
    case "tuple":
      return (def.items ?? []).map(plausible);
    case "record":
      return {};
    default:
      return "probe";
  }
}

interface Leaf {
  path: string[];
  schema: Schema;
  optional: boolean;
}

function leavesOf(schema: Schema, path: string[] = [], optional = false): Leaf[] {
  const { leaf, optional: leafOptional } = unwrap(schema);
  const def = leaf._zod.def;
  if (def.type === "object" && path.length < 4) {
    return Object.entries(def.shape ?? {}).flatMap(([key, child]) => leavesOf(child, [...path, key]));
  }
  if (def.type === "array" && def.element && path.length < 4) {
    return [{ path, schema: leaf, optional: optional || leafOptional }, ...leavesOf(def.element, [...path, "0"])];
  }
  return [{ path, schema: leaf, optional: optional || leafOptional }];
}

function withValue(base: unknown, path: string[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base)
    ? [...(base as unknown[])]
    : { ...(base as Record<string, unknown>) };
  const [head = "", ...rest] = path;
  const target = copy as Record<string, unknown>;
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete target[head];
  } else {
    target[head] = withValue(target[head], rest, value, remove);
  }
  return copy;
}

function badValuesFor(leaf: Schema): { label: string; value: unknown; nan?: boolean }[] {
  const def = leaf._zod.def;
  switch (def.type) {
    case "string":
      return [
        { label: "NUL", value: "a\u0000b" },
        { label: "lone surrogate", value: "\ud800" },
        { label: "1 MB string", value: MEGABYTE_STRING },
        { label: "number for a string", value: 42 },
        ...(def.format === "uuid"
          ? [
              { label: "unknown id", value: randomUUID() },
              { label: "malformed id", value: "not-an-id'--" },
            ]
          : []),
      ];
    case "number":
      return [
        { label: "-1", value: -1 },
        { label: "NaN", value: 0, nan: true },
        { label: "1e308", value: 1e308 },
        { label: "string for a number", value: "1" },
      ];
    case "boolean":
      return [{ label: "string for a boolean", value: "yes" }];
    case "enum":
    case "literal":
      return [{ label: "not an option", value: "NOT_AN_OPTION\u0000" }];
    case "array":
      return [{ label: "string for an array", value: "nope" }];
    default:
      return [
        { label: "NUL", value: "\u0000" },
        { label: "object", value: { nested: "\ud800" } },
      ];
  }
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value >>> 0;
}

/** Up to `limit` bad cases for a procedure; the first few are always the whole-input ones. */
export function badCases(path: string, schema: Schema | undefined, limit: number, seed = 20261202): BadCase[] {
  const whole: BadCase[] = [
    { label: "input null", input: null },
    { label: "input a string with NUL", input: "\u0000" },
  ];
  if (!schema) return [...whole, { label: "input an object", input: { id: randomUUID(), search: "\ud800" } }];
  const base = plausible(schema);
  const cases: BadCase[] = [];
  for (const leaf of leavesOf(schema)) {
    if (leaf.path.length === 0) {
      cases.push(...badValuesFor(leaf.schema).map(({ label, value }) => ({ label, input: value })));
      continue;
    }
    const name = leaf.path.join(".");
    if (!leaf.optional) cases.push({ label: `${name} missing`, input: withValue(base, leaf.path, undefined, true) });
    for (const bad of badValuesFor(leaf.schema)) {
      cases.push({
        label: `${name}: ${bad.label}`,
        input: withValue(base, leaf.path, bad.nan ? "NaN" : bad.value),
        ...(bad.nan ? { meta: { values: { [leaf.path.join(".")]: ["number"] } } } : {}),
      });
    }
  }
  const next = random(seed ^ hash(path));
  for (let index = cases.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [cases[index], cases[other]] = [cases[other] as BadCase, cases[index] as BadCase];
  }
  return [...whole, ...cases].slice(0, limit);
}
