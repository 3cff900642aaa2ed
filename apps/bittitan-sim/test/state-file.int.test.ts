import type * as FsPromises from "node:fs/promises";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSimulator } from "../src/index.ts";
import { Store } from "../src/store.ts";
import { ADMIN_TOKEN, API_KEY, call, couponBody } from "./helpers.ts";

// Counts the state file's writes (each ends in a rename over it) and lets a
// test hold a write at its fsync, to make changes while it is in progress.
const disk = vi.hoisted(() => ({ renames: [] as string[], beforeSync: async () => {} }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        await disk.beforeSync();
        await sync();
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      await actual.rename(from, to);
      disk.renames.push(to);
    },
  };
});

let directory: string;
let file: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "bittitan-sim-store-"));
  file = join(directory, "state.json");
  disk.renames = [];
  disk.beforeSync = async () => {};
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const partner = (id: string) => ({
  id,
  email: `${id}@example.com`,
  companyName: id,
  passwordHash: "x",
  createdAt: "2026-01-01T00:00:00.000Z",
});
const onDisk = async () =>
  (JSON.parse(await readFile(file, "utf8")) as { partners: { id: string }[] }).partners.map((stored) => stored.id);
const writes = () => disk.renames.filter((target) => target === file).length;

describe("state file writes", () => {
  it("covers every change made before a write starts with that one write", async () => {
    const store = await Store.open(file);
    const acknowledged = Array.from({ length: 20 }, (_, index) => {
      store.state.partners.push(partner(`p${index}`));
      return store.persist();
    });
    await Promise.all(acknowledged);
    expect(writes()).toBe(1);
    expect(await onDisk()).toHaveLength(20);
  });

  it("makes exactly one more write for the changes made while a write is in progress, and answers each change only once it is on disk", async () => {
    const store = await Store.open(file);
    let release = () => {};
    let started = () => {};
    const firstWriteStarted = new Promise<void>((resolve) => (started = resolve));
    disk.beforeSync = () => {
      disk.beforeSync = async () => {};
      started();
      return new Promise<void>((resolve) => (release = resolve));
    };
    store.state.partners.push(partner("before"));
    const first = store.persist();
    await firstWriteStarted;

    const during = ["during-1", "during-2", "during-3"].map((id) => {
      store.state.partners.push(partner(id));
      return store.persist().then(onDisk);
    });
    release();
    expect(await first.then(onDisk)).toContain("before");
    for (const seen of await Promise.all(during)) expect(seen).toEqual(["before", "during-1", "during-2", "during-3"]);
    expect(writes()).toBe(2);

    await store.persist();
    expect(writes()).toBe(3);
  });

  it("still writes later changes after a write failed, and reports the failure to the changes it covered", async () => {
    const store = await Store.open(file);
    disk.beforeSync = () => {
      disk.beforeSync = async () => {};
      return Promise.reject(new Error("disk full"));
    };
    store.state.partners.push(partner("lost"));
    await expect(store.persist()).rejects.toThrow("disk full");
    store.state.partners.push(partner("kept"));
    await store.persist();
    expect(await onDisk()).toEqual(["lost", "kept"]);
  });
});

describe("state files written before keys expired", () => {
  it("load, and their idempotency keys count from the load", async () => {
    const record = {
      scope: "s",
      key: "k",
      fingerprint: "f",
      couponCode: "MW-AAAA-BBBB-CCCC",
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    await writeFile(
      file,
      JSON.stringify({ version: 1, clockOffsetMs: 0, partners: [], coupons: [], idempotency: [record] }),
    );
    const loadedAt = Date.now();
    const store = await Store.open(file);
    expect(Date.parse(store.state.idempotency[0]?.recordedAt ?? "")).toBeGreaterThanOrEqual(loadedAt);
  });
});

describe("many concurrent coupon creations", () => {
  it("take far fewer state writes than creations, are each answered only once on disk, and all survive a restart", async () => {
    // A slow disk: every fsync takes 400 ms.
    disk.beforeSync = () => new Promise((resolve) => setTimeout(resolve, 400));
    const sim = await startSimulator({ port: 0, apiKey: API_KEY, adminToken: ADMIN_TOKEN, dataFile: file });
    await call(`${sim.url}/admin/partners`, {
      token: ADMIN_TOKEN,
      body: { email: "partner@fabrikam.example", password: "Partner-Secret", companyName: "Fabrikam" },
    });
    const before = writes();
    const codes = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const created = await call(`${sim.url}/v1/coupons`, {
          token: API_KEY,
          body: couponBody(),
          headers: { "idempotency-key": `burst-${index}` },
        });
        expect(created.status).toBe(201);
        const { code } = created.body as { code: string };
        expect(await readFile(file, "utf8")).toContain(code);
        return code;
      }),
    );
    expect(new Set(codes).size).toBe(40);
    expect(writes() - before).toBeLessThanOrEqual(10);

    // As after a crash: a second simulator loads the file while the first still runs.
    disk.beforeSync = async () => {};
    const restarted = await startSimulator({ port: 0, apiKey: API_KEY, adminToken: ADMIN_TOKEN, dataFile: file });
    try {
      const listed = await call(`${restarted.url}/admin/coupons`, { token: ADMIN_TOKEN });
      expect((listed.body as { items: { code: string }[] }).items.map((coupon) => coupon.code).sort()).toEqual(
        [...codes].sort(),
      );
    } finally {
      await restarted.close();
      await sim.close();
    }
  });
});
