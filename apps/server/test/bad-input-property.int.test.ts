import { appRouter, DEMO_PASSWORD } from "@cm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badCases, type BadCase, type Schema } from "./bad-inputs.ts";
import { Browser, startTestServer } from "./http-harness.ts";

// Every procedure of the AppRouter, over real HTTP, as the caller its realm
// expects (staff for bss.*, a reseller for storefront.*, nobody for the
// rest), gets bad inputs generated from its zod schema. None may answer 5xx,
// none may show a stack trace or SQL, and a refused request writes nothing.

const CASES_PER_PROCEDURE = 8;
const LEAK =
  /\bat \S+ \(|\.[cm]?[jt]s:\d+:\d+|node_modules|Maximum call stack|\bSELECT\b|\bINSERT INTO\b|\bUPDATE "|\bDELETE FROM\b|prisma|invocation/i;

interface ProcedureLike {
  _def: { type: "query" | "mutation" | "subscription"; inputs: Schema[] };
}

let server: Awaited<ReturnType<typeof startTestServer>>;
const callers: Record<"staff" | "shop" | "anonymous", Browser> = {} as never;
let fingerprint: () => Promise<string[]>;

beforeAll(async () => {
  server = await startTestServer();
  callers.staff = new Browser(server.url);
  callers.shop = new Browser(server.url);
  callers.anonymous = new Browser(server.url);
  expect((await callers.staff.signIn("staff", "admin@northwind.example", DEMO_PASSWORD)).status).toBe(200);
  expect((await callers.shop.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);
  // Every row of every table of the application's schema, as one hash per table.
  const db = server.deps.db;
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS hash FROM "${name}" x`,
    )
    .join(" UNION ALL ");
  fingerprint = async () =>
    (await db.$queryRawUnsafe<{ name: string; rows: number; hash: string }[]>(sql)).map(
      (row) => `${row.name}:${row.rows}:${row.hash}`,
    );
});
afterAll(async () => server?.cleanup());

const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, ProcedureLike> }).procedures,
)
  .filter(([, procedure]) => procedure._def.type !== "subscription")
  .sort(([a], [b]) => a.localeCompare(b));

function callerFor(path: string): Browser {
  return path.startsWith("bss.") ? callers.staff : path.startsWith("storefront.") ? callers.shop : callers.anonymous;
}

async function send(browser: Browser, path: string, type: "query" | "mutation", badCase: BadCase) {
  const payload = JSON.stringify({
    json: badCase.input === undefined ? null : badCase.input,
    ...(badCase.meta ? { meta: badCase.meta } : {}),
  });
  const response =
    type === "query"
      ? await browser.request(`/trpc/${path}?input=${encodeURIComponent(payload)}`)
      : await browser.request(`/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          json: JSON.parse(payload),
        });
  return { status: response.status, body: await response.text() };
}

function diff(before: string[], after: string[]): string[] {
  return after.filter((row) => !before.includes(row)).map((row) => row.split(":")[0] ?? row);
}

describe("bad input to every procedure", () => {
  it("covers the whole router", () => {
    expect(procedures.length).toBeGreaterThan(100);
  });

  it("never answers 5xx, never leaks internals, and writes nothing when it refuses", async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const [path, procedure] of procedures) {
      const type = procedure._def.type as "query" | "mutation";
      const browser = callerFor(path);
      // The tables are hashed around each run of refused requests (not after
      // every request, to keep the test fast): a run must leave them as they
      // were. An accepted request may write, so it ends a run unchecked.
      let baseline = await fingerprint();
      let refused: string[] = [];
      const checkRefused = async () => {
        if (refused.length === 0) return;
        const changed = diff(baseline, await fingerprint());
        if (changed.length > 0)
          problems.push(`${path} (one of: ${refused.join("; ")}): refused but changed ${changed.join(", ")}`);
        refused = [];
      };
      for (const badCase of badCases(path, procedure._def.inputs[0], CASES_PER_PROCEDURE)) {
        const { status, body } = await send(browser, path, type, badCase);
        sent++;
        const where = `${path} (${badCase.label})`;
        if (status >= 500) problems.push(`${where}: ${status} ${body.slice(0, 200)}`);
        if (LEAK.test(body)) problems.push(`${where}: leaks ${body.match(LEAK)?.[0]} in ${body.slice(0, 200)}`);
        if (status >= 400 && status < 500) {
          refused.push(badCase.label);
        } else {
          refused = [];
          baseline = await fingerprint();
        }
      }
      await checkRefused();
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(procedures.length * 3);
  }, 300_000);
});
