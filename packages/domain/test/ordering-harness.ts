import { createSmtpMailer, type Mailer } from "@cm/notifications";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import { connectBitTitan, startTestBitTitan, synchronize, type TestBitTitan } from "./bittitan-harness.ts";
import { createHarness, makeAccount, type Caller, type Harness } from "./harness.ts";

/**
 * Everything a checkout touches, for real: the database, the BitTitan
 * simulator and an SMTP server on loopback, the job queue and its workers.
 * Contoso is a synchronized reseller with an end-customer; Fabrikam is not synchronized.
 */
export interface OrderingWorld {
  harness: Harness;
  bittitan: TestBitTitan;
  smtp: TestSmtpServer;
  mailer: Mailer;
  staff: Caller;
  anna: Caller;
  contoso: Awaited<ReturnType<typeof makeAccount>>;
  contosoClient: Awaited<ReturnType<typeof makeAccount>>;
  fabrikam: Awaited<ReturnType<typeof makeAccount>>;
  fabrikamClient: Awaited<ReturnType<typeof makeAccount>>;
  mailboxProductId: string;
  close(): Promise<void>;
}

export async function createOrderingWorld(options: { startWorkers?: boolean } = {}): Promise<OrderingWorld> {
  const smtp = await startTestSmtpServer();
  const mailer = createSmtpMailer({ url: smtp.url, from: "notifications@distributor.test" });
  const harness = await createHarness({ mailer });
  const bittitan = await startTestBitTitan();
  await connectBitTitan(harness, bittitan);
  const staff = await harness.staff();
  const types = await staff.bss.catalog.productTypes();
  const mailbox = await staff.bss.catalog.createProduct({
    productTypeId: types.find((type) => type.kind === "BITTITAN_MAILBOX_LICENSE")?.id ?? "",
    sku: "BT-MBX",
    name: "MigrationWiz Mailbox Migration",
    description: "One mailbox",
    licenseCoverage: "One mailbox per license",
    taxCategory: "STANDARD",
    published: true,
    prices: [{ currency: "EUR", unitPrice: "12.35" }],
  });
  const contoso = await makeAccount(harness, { kind: "RESELLER", name: "Contoso", login: "anna@contoso.test" });
  const contosoClient = await makeAccount(harness, {
    kind: "END_CUSTOMER",
    name: "Alpine Dental",
    parentId: contoso.id,
    login: "lukas@alpine.test",
  });
  const fabrikam = await makeAccount(harness, { kind: "RESELLER", name: "Fabrikam", login: "ben@fabrikam.test" });
  const fabrikamClient = await makeAccount(harness, {
    kind: "END_CUSTOMER",
    name: "Harbour Logistics",
    parentId: fabrikam.id,
  });
  await synchronize(harness, bittitan, contoso.id, "partner@contoso.test");
  if (options.startWorkers !== false) await harness.startWorkers();
  return {
    harness,
    bittitan,
    smtp,
    mailer,
    staff,
    anna: await harness.shop("anna@contoso.test"),
    contoso,
    contosoClient,
    fabrikam,
    fabrikamClient,
    mailboxProductId: mailbox.id,
    close: async () => {
      await harness.close();
      await bittitan.close();
      mailer.close();
      await smtp.stop();
    },
  };
}

/**
 * Contoso's partner password changed at BitTitan (`refused`), or set back:
 * while refused every coupon creation for Contoso fails for good, which is
 * how these tests make an asset FAILED (an outage is retried instead).
 */
export async function refuseContosoPartner(world: OrderingWorld, refused: boolean): Promise<void> {
  const email = "partner@contoso.test";
  await world.bittitan.admin.createPartner({
    email,
    password: refused ? "changed-at-bittitan" : `Tier2-${email}`,
    companyName: email,
  });
}

/** Waits until no provisioning or email job is left. */
export function settle(world: OrderingWorld, timeoutMs = 30_000): Promise<void> {
  return world.harness.deps.queue.drain(["provisioning.create-coupon", "notifications.deliver"], timeoutMs);
}

/** Puts `quantity` of the mailbox product in Anna's basket with this asset name and recipient. */
export async function fillBasket(
  world: OrderingWorld,
  options: { quantity: number; assetName?: string; recipientAccountId?: string | null },
) {
  const added = await world.anna.storefront.basket.add({ productId: world.mailboxProductId, quantity: 1 });
  const line = added.lines[0];
  if (!line) throw new Error("nothing in the basket");
  await world.anna.storefront.basket.updateLine({
    lineId: line.id,
    quantity: options.quantity,
    assetName: options.assetName ?? "Mailbox move",
  });
  return world.anna.storefront.basket.setRecipient({ recipientAccountId: options.recipientAccountId ?? null });
}
