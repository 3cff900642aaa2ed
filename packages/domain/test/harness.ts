import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { startJobQueue, type Database } from "@cm/db";
import type { Mailer } from "@cm/notifications";
import { BitTitanGateway } from "../src/shared/bittitan-gateway.ts";
import { SecretBox } from "../src/shared/secret-box.ts";
import { createTestDatabase } from "@cm/testing";
import { loadShopCaller, loadStaffCaller } from "../src/auth/resolve-callers.ts";
import { ManualClock } from "../src/clock.ts";
import { silentLogger, type DomainDeps } from "../src/deps.ts";
import { appRouter } from "../src/root.ts";
import { setupDistributor } from "../src/setup/setup-distributor.ts";
import { createStaffUserWithPassword } from "../src/staff/staff-users.ts";
import { createCallerFactory, createContextInner } from "../src/trpc.ts";
import { createAccount } from "../src/accounts/create-account.ts";
import { allQueues, startWorkers } from "../src/background-workers.ts";
import type { CreateAccountInput } from "../src/schemas/accounts.ts";

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export const PASSWORD = "correct-horse-battery";

export interface Harness {
  database: Database;
  deps: DomainDeps;
  clock: ManualClock;
  /** Procedures as a logged-in staff user with this email. */
  staff(email?: string): Promise<Caller>;
  /** Procedures as the Storefront user with this login email. */
  shop(email: string): Promise<Caller>;
  anonymous(): Caller;
  /** Starts the background workers (provisioning, email delivery...). */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** A migrated database with a distributor and its admin (admin@distributor.test); `bare`: neither (a first run). */
export async function createHarness(options: { mailer?: Mailer; bare?: boolean } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date("2026-03-02T09:00:00Z"));
  const queue = await startJobQueue(database, { queues: allQueues() });
  const secrets = new SecretBox(randomBytes(32).toString("base64"));
  const bittitan = new BitTitanGateway(database.prisma, secrets, {
    timeoutMs: 30_000,
    maxAttempts: 3,
    backoffMs: 20,
    logger: silentLogger,
  });
  const deps: DomainDeps = {
    db: database.prisma,
    publicUrl: "http://shop.test",
    clock,
    logger: silentLogger,
    queue,
    secrets,
    bittitan,
    mailer: options.mailer,
  };
  if (!options.bare)
    await setupDistributor(deps, {
      companyName: "Test Distribution",
      email: "billing@distributor.test",
      phone: null,
      taxId: null,
      website: null,
      currency: "EUR",
      billingAddress: {
        line1: "1 Main St",
        line2: null,
        city: "Athens",
        region: null,
        postalCode: "10001",
        country: "GR",
      },
      admin: { name: "Ada Admin", email: "admin@distributor.test", password: PASSWORD },
    });
  return {
    database,
    deps,
    clock,
    async staff(email = "admin@distributor.test") {
      const user = await deps.db.staffUser.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const caller = await loadStaffCaller(deps.db, user.id);
      return createCaller(createContextInner({ deps, getStaff: async () => caller }));
    },
    async shop(email: string) {
      const user = await deps.db.shopUser.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const caller = await loadShopCaller(deps.db, user.id);
      return createCaller(createContextInner({ deps, getShop: async () => caller }));
    },
    anonymous: () => createCaller(createContextInner({ deps })),
    startWorkers: () => startWorkers(deps),
    close: async () => {
      await queue.stop();
      await database.close();
    },
  };
}

export async function addSalesUser(harness: Harness, email = "sales@distributor.test") {
  await createStaffUserWithPassword(harness.deps, { name: "Sam Sales", email, role: "SALES", password: PASSWORD });
}

let counter = 0;

/** An account with a primary contact; `login` gives that contact a Storefront login. */
export async function makeAccount(
  harness: Harness,
  options: {
    kind: CreateAccountInput["kind"];
    name?: string;
    parentId?: string;
    login?: string;
    /** The billing address country (Berlin, Germany unless told). */
    country?: string;
  },
) {
  counter += 1;
  const name = options.name ?? `Company ${counter}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return createAccount(harness.deps, {
    kind: options.kind,
    parentId: options.parentId ?? null,
    companyName: name,
    email: `office@${slug}.test`,
    phone: null,
    taxId: null,
    website: null,
    currency: "EUR",
    billingAddress: {
      line1: "2 Side St",
      line2: null,
      city: options.country && options.country !== "DE" ? "Capital" : "Berlin",
      region: null,
      postalCode: "10117",
      country: options.country ?? "DE",
    },
    primaryContact: {
      firstName: "Pat",
      lastName: name,
      email: options.login ?? `pat@${slug}.test`,
      phone: null,
      jobTitle: null,
    },
    primaryContactPassword: options.login ? PASSWORD : null,
  });
}

/** Two resellers, each with one end-customer, plus a direct customer, all with logins. */
export async function makeTwoResellers(harness: Harness) {
  const alpha = await makeAccount(harness, { kind: "RESELLER", name: "Alpha Partners", login: "alice@alpha.test" });
  const alphaCustomer = await makeAccount(harness, {
    kind: "END_CUSTOMER",
    name: "Alpha Client",
    parentId: alpha.id,
    login: "carl@alphaclient.test",
  });
  const beta = await makeAccount(harness, { kind: "RESELLER", name: "Beta Partners", login: "bob@beta.test" });
  const betaCustomer = await makeAccount(harness, { kind: "END_CUSTOMER", name: "Beta Client", parentId: beta.id });
  const direct = await makeAccount(harness, { kind: "DIRECT_CUSTOMER", name: "Direct Co", login: "dora@direct.test" });
  return { alpha, alphaCustomer, beta, betaCustomer, direct };
}

export const validAddress = {
  line1: "9 Harbour Rd",
  line2: null,
  city: "Cork",
  region: null,
  postalCode: "T12",
  country: "IE",
};
export const validContact = { firstName: "Eve", lastName: "New", email: "eve@newco.test", phone: null, jobTitle: null };

/** The code and message a procedure refused with (fails the test if it did not refuse). */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}
