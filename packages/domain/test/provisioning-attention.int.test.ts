import { randomUUID } from "node:crypto";
import type { TestSmtpServer } from "@cm/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queueAttentionNotice } from "../src/assets/attention-notice.ts";
import { DIGEST_MAX_ASSETS, sendProvisioningDigest } from "../src/assets/provisioning-digest.ts";
import { loadStaffCaller } from "../src/auth/resolve-callers.ts";
import { createStaffUserWithPassword, setStaffUserActive } from "../src/staff/staff-users.ts";
import { addSalesUser, PASSWORD } from "./harness.ts";
import {
  createOrderingWorld,
  fillBasket,
  refuseContosoPartner,
  settle,
  type OrderingWorld,
} from "./ordering-harness.ts";

// When BitTitan provisioning fails for good, the distributor's administrators
// hear about it: once per failure, and every morning while anything is FAILED.

let world: OrderingWorld;
const ADMINS = ["admin@distributor.test", "olga@distributor.test"];

beforeAll(async () => {
  world = await createOrderingWorld();
  const deps = world.harness.deps;
  await createStaffUserWithPassword(deps, {
    name: "Olga Ops",
    email: "olga@distributor.test",
    role: "ADMIN",
    password: PASSWORD,
  });
  await addSalesUser(world.harness);
  await createStaffUserWithPassword(deps, {
    name: "Sue Support",
    email: "support@distributor.test",
    role: "SUPPORT",
    password: PASSWORD,
  });
  const former = await createStaffUserWithPassword(deps, {
    name: "Fred Former",
    email: "former@distributor.test",
    role: "ADMIN",
    password: PASSWORD,
  });
  const ada = await deps.db.staffUser.findUniqueOrThrow({
    where: { email: "admin@distributor.test" },
    select: { id: true },
  });
  const actor = await loadStaffCaller(deps.db, ada.id);
  if (!actor) throw new Error("no admin");
  await setStaffUserActive(deps, actor, { id: former.id, active: false });
});
afterAll(() => world?.close());
beforeEach(async () => {
  // Every test starts from the built-in template settings.
  await world.harness.deps.db.notificationTemplate.deleteMany({
    where: { key: { in: ["provisioning-attention", "provisioning-digest"] } },
  });
});

/** A Storefront order BitTitan refuses (Contoso's partner password changed there): its asset ends FAILED. */
async function buyFailing(assetName: string) {
  await refuseContosoPartner(world, true);
  try {
    const basket = await fillBasket(world, { quantity: 3, assetName });
    const { orderId } = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    await settle(world);
    const order = await world.staff.bss.order.get({ id: orderId });
    const asset = await world.staff.bss.asset.get({ id: order.assets[0]?.id ?? "" });
    expect(asset.syncStatus).toBe("FAILED");
    return { order, asset };
  } finally {
    await refuseContosoPartner(world, false);
  }
}

const attentionEmails = (assetId: string) =>
  world.harness.deps.db.emailMessage.findMany({
    where: { templateKey: "provisioning-attention", eventKey: { startsWith: `provisioning-attention:${assetId}:` } },
  });

const digests = () =>
  world.harness.deps.db.emailMessage.findMany({
    where: { templateKey: "provisioning-digest" },
    orderBy: { queuedAt: "asc" },
  });

const notifyAgain = (assetId: string) =>
  world.harness.deps.db.$transaction((tx) => queueAttentionNotice(tx, world.harness.deps, assetId));

async function editTemplate(
  key: "provisioning-attention" | "provisioning-digest",
  changes: { enabled?: boolean; toPrimaryContact?: boolean; extraTo?: string[] },
) {
  const template = await world.staff.bss.notification.template.get({ key });
  await world.staff.bss.notification.template.update({ ...template, ...changes });
}

/** The addresses an email reached, as the SMTP server saw them. */
async function deliveredTo(smtp: TestSmtpServer, subjectPart: string) {
  const mail = await smtp.waitFor((message) => message.subject.includes(subjectPart));
  return [...mail.to].sort();
}

describe("the daily digest when nothing is FAILED", () => {
  it("sends nothing", async () => {
    expect(await sendProvisioningDigest(world.harness.deps)).toEqual({ failed: 0, queued: false });
    expect(await digests()).toHaveLength(0);
  });
});

describe("the provisioning-attention email", () => {
  it("reaches every active administrator (not Sales, Support or a deactivated admin) once, naming the asset and the reason, and the customer is told", async () => {
    const { order, asset } = await buyFailing("Tailspin mailbox move");
    const [email, ...others] = await attentionEmails(asset.id);
    expect(others).toHaveLength(0);
    expect(email?.recipients.sort()).toEqual(ADMINS);
    expect(email?.subject).toBe("Provisioning needs attention: Tailspin mailbox move (Contoso)");
    expect(email?.text).toContain(`Reason: ${asset.syncError}`);
    expect(email?.text).toContain(`Order ${order.number}: 3 x MigrationWiz Mailbox Migration.`);
    expect(email?.text).toContain(`http://shop.test/bss/assets/${asset.id}`);
    expect(await deliveredTo(world.smtp, "Tailspin mailbox move")).toEqual(ADMINS);

    expect(asset.attentionNotifiedAt).not.toBeNull();
    const customerView = await world.anna.storefront.asset.get({ id: asset.id });
    expect(customerView.problem).toMatch(/We have let your distributor know\.$/);

    // The same failure again: nothing more is queued.
    expect(await notifyAgain(asset.id)).toBe(true);
    expect(await attentionEmails(asset.id)).toHaveLength(1);
  });

  it("goes to the template's extra recipients, alone when the administrators are switched off", async () => {
    await editTemplate("provisioning-attention", {
      toPrimaryContact: false,
      extraTo: ["provisioning@distributor.test"],
    });
    const { asset } = await buyFailing("Extra recipients move");
    const [email] = await attentionEmails(asset.id);
    expect(email?.to).toEqual(["provisioning@distributor.test"]);
    expect(asset.attentionNotifiedAt).not.toBeNull();
  });

  it("is not sent, and the customer is not told it was, when the template is disabled", async () => {
    await editTemplate("provisioning-attention", { enabled: false });
    const { asset } = await buyFailing("Disabled template move");
    expect(await attentionEmails(asset.id)).toHaveLength(0);
    expect(asset.attentionNotifiedAt).toBeNull();
    expect(await notifyAgain(asset.id)).toBe(false);
    const customerView = await world.anna.storefront.asset.get({ id: asset.id });
    expect(customerView.problem).toMatch(/Please contact your distributor\.$/);
  });

  it("counts as not sent when it has nobody to go to", async () => {
    await editTemplate("provisioning-attention", { toPrimaryContact: false, extraTo: [] });
    const { asset } = await buyFailing("Nobody told move");
    expect(asset.attentionNotifiedAt).toBeNull();
    const [email] = await attentionEmails(asset.id);
    expect(email?.status).toBe("FAILED");
    expect(await notifyAgain(asset.id)).toBe(false);
  });
});

describe("the daily digest", () => {
  it("lists every FAILED asset with its account and reason, once per day however often it runs", async () => {
    const failed = await world.harness.deps.db.asset.findMany({
      where: { syncStatus: "FAILED" },
      select: { name: true, syncError: true },
    });
    expect(failed.length).toBeGreaterThanOrEqual(4);

    const first = await sendProvisioningDigest(world.harness.deps);
    const second = await sendProvisioningDigest(world.harness.deps);
    expect(first).toEqual({ failed: failed.length, queued: true });
    expect(second).toEqual(first);
    const [digest, ...more] = await digests();
    expect(more).toHaveLength(0);
    expect(digest?.eventKey).toBe("provisioning-digest:2026-03-02");
    expect(digest?.recipients.sort()).toEqual(ADMINS);
    expect(digest?.subject).toBe(`${failed.length} BitTitan assets still need attention`);
    for (const asset of failed)
      expect(digest?.text).toContain(
        `- ${asset.name} (Contoso), failed since 2026-03-02 09:00 UTC: ${asset.syncError}`,
      );
    expect(digest?.text).not.toContain("more.");
    expect(await deliveredTo(world.smtp, "BitTitan assets still need attention")).toEqual(ADMINS);
  });

  it("is sent again the next day, with extra recipients from the template", async () => {
    await editTemplate("provisioning-digest", { extraTo: ["provisioning@distributor.test"] });
    world.harness.clock.advanceDays(1);
    try {
      expect((await sendProvisioningDigest(world.harness.deps)).queued).toBe(true);
    } finally {
      world.harness.clock.advanceDays(-1);
    }
    const next = (await digests()).at(-1);
    expect(next?.eventKey).toBe("provisioning-digest:2026-03-03");
    expect(next?.recipients.sort()).toEqual([...ADMINS, "provisioning@distributor.test"].sort());
  });

  it(`lists at most ${DIGEST_MAX_ASSETS} assets and says how many more there are`, async () => {
    const deps = world.harness.deps;
    const {
      id: _id,
      orderLineId: _line,
      couponCode: _coupon,
      createdAt: _created,
      updatedAt: _updated,
      ...failedAsset
    } = await deps.db.asset.findFirstOrThrow({ where: { syncStatus: "FAILED" } });
    const missing = DIGEST_MAX_ASSETS + 5 - (await deps.db.asset.count({ where: { syncStatus: "FAILED" } }));
    const lineIds = Array.from({ length: missing }, () => randomUUID());
    const money = { unitPrice: 1, taxRate: 0, net: 1, tax: 0, gross: 1 };
    await deps.db.orderLine.createMany({
      data: lineIds.map((id, index) => ({
        id,
        orderId: failedAsset.orderId,
        productId: failedAsset.productId,
        position: 1000 + index,
        productName: "MigrationWiz",
        sku: "BT-MBX",
        quantity: 1,
        ...money,
      })),
    });
    await deps.db.asset.createMany({
      data: lineIds.map((orderLineId, index) => ({ ...failedAsset, name: `Bulk failure ${index}`, orderLineId })),
    });
    world.harness.clock.advanceDays(2);
    try {
      expect(await sendProvisioningDigest(deps)).toEqual({ failed: DIGEST_MAX_ASSETS + 5, queued: true });
    } finally {
      world.harness.clock.advanceDays(-2);
    }
    const digest = (await digests()).at(-1);
    expect(digest?.text.match(/^- /gm)).toHaveLength(DIGEST_MAX_ASSETS);
    expect(digest?.text).toContain("... and 5 more.");
  });
});

describe("the staff-facing templates in the BSS", () => {
  it("are listed as going to the administrators, and preview with sample assets", async () => {
    const templates = await world.staff.bss.notification.template.list();
    const audiences = Object.fromEntries(templates.map((template) => [template.key, template.audience]));
    expect(audiences).toMatchObject({
      "provisioning-attention": "staff",
      "provisioning-digest": "staff",
      "welcome-bittitan-coupon": "account",
    });
    const digest = await world.staff.bss.notification.template.get({ key: "provisioning-digest" });
    const preview = await world.staff.bss.notification.template.preview({
      key: digest.key,
      subject: digest.subject,
      html: digest.html,
      text: digest.text,
    });
    if (!preview.ok) throw new Error("expected a preview");
    expect(preview.html).toContain("Contoso mailbox move</a>");
    expect(preview.text).toContain("- Fabrikam tenant move (Fabrikam Inc.)");
  });
});
