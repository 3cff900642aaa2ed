import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccount, refusal } from "./harness.ts";
import { createOrderingWorld, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";

let world: OrderingWorld;
let plans: Awaited<ReturnType<typeof publishPlans>>;
beforeAll(async () => {
  world = await createOrderingWorld();
  plans = await publishPlans(world.harness);
});
afterAll(() => world.close());

const subscriptionsOf = (accountId: string) =>
  world.harness.deps.db.planSubscription.findMany({
    where: { accountId },
    orderBy: { number: "asc" },
    include: { plan: true },
  });

describe("upgrading a Basic reseller in the Storefront", () => {
  it("sells Standard with the alias at checkout: subscription, invoice line, and the welcome email with the URL to the contact and the extra recipients", async () => {
    const template = await world.staff.bss.notification.template.get({ key: "welcome-standard-storefront" });
    await world.staff.bss.notification.template.update({
      key: template.key,
      subject: template.subject,
      html: template.html,
      text: template.text,
      enabled: true,
      toPrimaryContact: true,
      extraTo: ["owner@contoso.test"],
      cc: ["success@distributor.test"],
      bcc: ["audit@distributor.test"],
    });
    const before = await world.anna.storefront.plan.list();
    expect(before.current.code).toBe("BASIC");
    expect(before.plans.map((plan) => [plan.code, plan.unitPrice, plan.problem])).toEqual([
      ["FREE", "0.00", null],
      ["STANDARD", "49.00", null],
    ]);
    expect(await world.anna.storefront.plan.checkAlias({ alias: " Contoso-Shop " })).toEqual({
      alias: "contoso-shop",
      available: true,
      reason: null,
      message: null,
      // From PUBLIC_URL, the base the plan's email uses, not the address the page was opened at.
      url: "http://shop.test/contoso-shop",
    });

    const { order, subscriptionId } = await buyPlan(world.anna, plans.standard.id, "Contoso-Shop");
    // A Berlin reseller without a VAT number of a Greek distributor: German VAT, 49.00 + 19%.
    expect(order).toMatchObject({ status: "COMPLETED", net: "49.00", tax: "9.31", gross: "58.31", assets: [] });
    expect(order.lines).toMatchObject([
      {
        kind: "plan",
        productName: "Standard reseller plan",
        quantity: 1,
        storefrontAlias: "contoso-shop",
        gross: "58.31",
      },
    ]);
    const invoice = await world.harness.deps.db.invoice.findFirstOrThrow({
      where: { orderId: order.id },
      include: { lines: true },
    });
    expect(invoice.gross.toFixed(2)).toBe("58.31");
    expect(invoice.lines.map((line) => [line.description, line.quantity, line.unitPrice.toFixed(2)])).toEqual([
      ["Standard reseller plan", 1, "49.00"],
    ]);
    expect(invoice.lines[0]?.detail).toContain("contoso-shop");

    const subscription = await world.anna.storefront.subscription.get({ id: subscriptionId });
    expect(subscription).toMatchObject({
      status: "ACTIVE",
      plan: { code: "STANDARD" },
      storefrontAlias: "contoso-shop",
      unitPrice: "49.00",
      canCancel: true,
      canUpgrade: false,
    });
    expect(subscription.currentPeriodEnd.getTime() - subscription.startedAt.getTime()).toBeGreaterThanOrEqual(
      28 * 86_400_000,
    );
    expect(subscription.events).toMatchObject([
      { kind: "created", toStatus: "ACTIVE", invoice: { number: invoice.number } },
    ]);
    const after = await world.anna.storefront.plan.list();
    expect(after.current).toMatchObject({ code: "STANDARD", status: "ACTIVE" });
    expect(after.storefront).toEqual({ alias: "contoso-shop", url: "http://shop.test/contoso-shop", open: true });

    await settle(world);
    const email = await world.smtp.waitFor(
      (mail) => mail.subject.includes("Standard Reseller Storefront") && mail.to.includes("anna@contoso.test"),
    );
    expect(email.to).toEqual(["anna@contoso.test", "owner@contoso.test"]);
    expect(email.cc).toEqual(["success@distributor.test"]);
    expect(email.bcc).toEqual(["audit@distributor.test"]);
    expect(email.text).toContain("http://shop.test/contoso-shop");
    expect(email.html).toContain('href="http://shop.test/contoso-shop"');
    expect(await world.bittitan.admin.listCoupons()).toEqual([]);
  });

  it("refuses a taken alias in another case, reserved words and invalid aliases, asking for another, and changes nothing", async () => {
    const ben = await world.harness.shop("ben@fabrikam.test");
    expect(await ben.storefront.plan.checkAlias({ alias: "CONTOSO-shop" })).toEqual({
      alias: "contoso-shop",
      available: false,
      reason: "taken",
      message: "The alias “contoso-shop” is already taken. Please choose another one.",
      url: null,
    });
    const taken = await refusal(buyPlan(ben, plans.standard.id, "CONTOSO-shop"));
    expect(taken).toEqual({
      code: "CONFLICT",
      message: "The alias “contoso-shop” is already taken. Please choose another one.",
    });
    for (const [alias, message] of [
      ["checkout", /reserved/],
      ["BSS", /reserved/],
      ["my shop!", /letters, digits and hyphens/],
      ["ab", /at least 3/],
      ["-fabrikam", /letters, digits and hyphens/],
    ] as const) {
      const refused = await refusal(buyPlan(ben, plans.standard.id, alias));
      expect(refused.code, alias).toBe("BAD_REQUEST");
      expect(refused.message, alias).toMatch(message);
      expect((await ben.storefront.plan.checkAlias({ alias })).available, alias).toBe(false);
    }
    expect((await refusal(buyPlan(ben, plans.standard.id, null))).message).toBe(
      "Choose the Storefront alias for your plan",
    );
    expect(await subscriptionsOf(world.fabrikam.id)).toEqual([]);
    expect(await world.harness.deps.db.order.count({ where: { accountId: world.fabrikam.id } })).toBe(0);
    // The plan waits in the basket for another alias.
    expect((await ben.storefront.basket.get()).lines.map((line) => line.kind)).toEqual(["plan"]);
  });

  it("sells plans to a reseller that is not synchronized with BitTitan (plans need no BitTitan); Free issues no zero invoice and no invoice email", async () => {
    const ben = await world.harness.shop("ben@fabrikam.test");
    expect((await ben.storefront.basket.get()).needsSynchronization).toBe(false);
    const { order, subscriptionId } = await buyPlan(ben, plans.free.id, "fabrikam");
    expect(order).toMatchObject({ gross: "0.00", status: "COMPLETED", invoices: [] });
    expect(await world.harness.deps.db.invoice.count({ where: { accountId: world.fabrikam.id } })).toBe(0);
    expect(
      await world.harness.deps.db.emailMessage.count({
        where: { templateKey: "invoice-issued", accountId: world.fabrikam.id },
      }),
    ).toBe(0);
    expect((await ben.storefront.subscription.get({ id: subscriptionId })).events).toMatchObject([
      { kind: "created", invoice: null },
    ]);
    expect((await ben.storefront.plan.list()).current).toMatchObject({ code: "FREE", status: "ACTIVE" });
    expect((await ben.storefront.plan.list()).storefront).toMatchObject({ alias: "fabrikam", open: false });
    expect((await ben.storefront.plan.list()).plans.find((plan) => plan.code === "FREE")?.problem).toBe(
      "You are already on the Free plan.",
    );
    // Free sends no storefront welcome: the storefront opens with Standard.
    expect(
      await world.harness.deps.db.emailMessage.count({
        where: { templateKey: "welcome-standard-storefront", accountId: world.fabrikam.id },
      }),
    ).toBe(0);
  });

  it("upgrades Free to Standard by buying Standard: the Free subscription ends and a full Standard period is charged from today", async () => {
    world.harness.clock.advanceDays(10);
    const ben = await world.harness.shop("ben@fabrikam.test");
    const { order, subscriptionId } = await buyPlan(ben, plans.standard.id, null);
    expect(order.gross).toBe("58.31");
    const [free, standard] = await subscriptionsOf(world.fabrikam.id);
    expect(free).toMatchObject({ status: "CANCELLED", endReason: "upgraded", plan: { code: "FREE" } });
    expect(free?.endedAt).toEqual(world.harness.clock.now());
    expect(standard).toMatchObject({ id: subscriptionId, status: "ACTIVE", plan: { code: "STANDARD" } });
    expect(standard?.startedAt).toEqual(world.harness.clock.now());
    expect((await ben.storefront.plan.list()).storefront).toMatchObject({ alias: "fabrikam", open: true });
    const history = await ben.storefront.subscription.get({ id: free?.id ?? "" });
    expect(history.events.map((event) => [event.kind, event.fromStatus, event.toStatus])).toEqual([
      ["created", null, "ACTIVE"],
      ["upgraded", "ACTIVE", "CANCELLED"],
    ]);
    expect((await refusal(ben.storefront.basket.addPlan({ planId: plans.standard.id }))).message).toBe(
      "You are already on the Standard plan.",
    );
    expect((await refusal(ben.storefront.basket.addPlan({ planId: plans.free.id }))).message).toMatch(
      /not possible: cancel the Standard subscription/,
    );
  });

  it("gives a contested alias to exactly one of two resellers completing at the same moment", async () => {
    const [one, two] = await Promise.all(
      ["racer-one", "racer-two"].map(async (name) => {
        await makeAccount(world.harness, { kind: "RESELLER", name, login: `${name}@race.test` });
        return world.harness.shop(`${name}@race.test`);
      }),
    );
    if (!one || !two) throw new Error("no racers");
    const outcomes = await Promise.allSettled([
      buyPlan(one, plans.standard.id, "race-shop"),
      buyPlan(two, plans.standard.id, "RACE-shop"),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === "rejected");
    expect(
      lost?.status === "rejected" && lost.reason instanceof TRPCError ? [lost.reason.code, lost.reason.message] : null,
    ).toEqual(["CONFLICT", "The alias “race-shop” is already taken. Please choose another one."]);
    const holders = await world.harness.deps.db.resellerStorefront.findMany({ where: { alias: "race-shop" } });
    expect(holders).toHaveLength(1);
    expect(
      await world.harness.deps.db.planSubscription.count({
        where: { account: { companyName: { startsWith: "racer-" } } },
      }),
    ).toBe(1);
    // The database holds the line too, whatever the case.
    const loser =
      holders[0]?.accountId ===
      (await world.harness.deps.db.account.findFirstOrThrow({ where: { companyName: "racer-one" } })).id
        ? "racer-two"
        : "racer-one";
    const loserId = (await world.harness.deps.db.account.findFirstOrThrow({ where: { companyName: loser } })).id;
    await expect(
      world.harness.deps.db
        .$executeRaw`INSERT INTO "ResellerStorefront" ("id", "accountId", "alias", "displayName", "primaryColor", "updatedAt") VALUES (gen_random_uuid(), ${loserId}::uuid, 'race-shop', 'x', '#000000', now())`,
    ).rejects.toThrow();
    await expect(
      world.harness.deps.db
        .$executeRaw`INSERT INTO "ResellerStorefront" ("id", "accountId", "alias", "displayName", "primaryColor", "updatedAt") VALUES (gen_random_uuid(), ${loserId}::uuid, 'RACE-SHOP', 'x', '#000000', now())`,
    ).rejects.toThrow();
  });
});

describe("reseller plans in the BSS", () => {
  it("orders a plan, refuses to execute it without the alias, executes it once the line has one, and upgrades Free with the shortcut", async () => {
    const reseller = await makeAccount(world.harness, {
      kind: "RESELLER",
      name: "Northwind Partners",
      login: "nora@northwind-partners.test",
    });
    const draft = await world.staff.bss.order.create({ accountId: reseller.id, lines: [{ planId: plans.free.id }] });
    expect(draft.lines).toMatchObject([{ kind: "plan", productName: "Free reseller plan", storefrontAlias: null }]);
    expect(await refusal(world.staff.bss.order.execute({ id: draft.id }))).toEqual({
      code: "BAD_REQUEST",
      message: "Choose the Storefront alias for your plan",
    });
    expect((await world.staff.bss.plan.checkAlias({ accountId: reseller.id, alias: "contoso-shop" })).available).toBe(
      false,
    );
    expect(
      (
        await refusal(
          world.staff.bss.order.update({
            id: draft.id,
            accountId: reseller.id,
            lines: [{ planId: plans.free.id, storefrontAlias: "Contoso-Shop" }],
          }),
        )
      ).code,
    ).toBe("CONFLICT");
    await world.staff.bss.order.update({
      id: draft.id,
      accountId: reseller.id,
      lines: [{ planId: plans.free.id, storefrontAlias: "NW-Partners" }],
    });
    const executed = await world.staff.bss.order.execute({ id: draft.id });
    expect(executed).toMatchObject({
      status: "COMPLETED",
      gross: "0.00",
      lines: [{ storefrontAlias: "nw-partners" }],
      subscriptions: [{ planName: "Free", status: "ACTIVE" }],
    });
    expect(await world.staff.bss.order.execute({ id: draft.id })).toMatchObject({
      subscriptions: [{ planName: "Free" }],
    });
    const free = executed.subscriptions[0]?.id ?? "";
    expect(await world.staff.bss.subscription.get({ id: free })).toMatchObject({
      canUpgrade: true,
      canCancel: true,
      account: { companyName: "Northwind Partners" },
    });

    const standard = await world.staff.bss.subscription.upgrade({ id: free });
    expect(standard).toMatchObject({
      status: "ACTIVE",
      plan: { code: "STANDARD" },
      storefrontAlias: "nw-partners",
      account: { id: reseller.id },
    });
    expect(standard.events[0]).toMatchObject({ kind: "created", actor: "staff:Ada Admin" });
    expect(await world.staff.bss.order.get({ id: standard.order.id })).toMatchObject({
      channel: "BSS",
      status: "COMPLETED",
      gross: "58.31",
    });
    expect(await world.staff.bss.subscription.get({ id: free })).toMatchObject({
      status: "CANCELLED",
      endReason: "upgraded",
    });
    expect((await refusal(world.staff.bss.subscription.upgrade({ id: free }))).code).toBe("PRECONDITION_FAILED");
    await settle(world);
    await world.smtp.waitFor(
      (mail) => mail.to.includes("nora@northwind-partners.test") && mail.text.includes("http://shop.test/nw-partners"),
    );

    const listed = await world.staff.bss.subscription.list({ accountId: reseller.id, page: 1, pageSize: 10 });
    expect(listed.items.map((item) => [item.plan.code, item.status])).toEqual([
      ["STANDARD", "ACTIVE"],
      ["FREE", "CANCELLED"],
    ]);
  });

  it("keeps plans to resellers and the Free plan free, and lets staff edit what the Storefront shows", async () => {
    const direct = await makeAccount(world.harness, {
      kind: "DIRECT_CUSTOMER",
      name: "Direct Buyer",
      login: "dan@direct-buyer.test",
    });
    expect(
      await refusal(
        world.staff.bss.order.create({
          accountId: direct.id,
          lines: [{ planId: plans.free.id, storefrontAlias: "direct" }],
        }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "Reseller plans are for resellers",
    });
    const dan = await world.harness.shop("dan@direct-buyer.test");
    expect((await refusal(dan.storefront.plan.list())).code).toBe("FORBIDDEN");
    expect((await refusal(dan.storefront.basket.addPlan({ planId: plans.free.id }))).code).toBe("FORBIDDEN");
    const update = { ...plans.free, prices: [{ currency: "EUR", unitPrice: "5.00" }] };
    const { updatedAt: _updatedAt, code: _code, ...input } = update;
    expect((await refusal(world.staff.bss.plan.update(input))).message).toMatch(/Free plan is free/);
    await world.staff.bss.plan.update({
      ...input,
      prices: [{ currency: "EUR", unitPrice: "0" }],
      features: ["Reserve your alias"],
      published: false,
    });
    const seen = await world.anna.storefront.plan.list();
    expect(seen.plans.map((plan) => plan.code)).toEqual(["STANDARD"]);
    expect(
      (
        await refusal(
          world.harness
            .shop("ben@fabrikam.test")
            .then((ben) => ben.storefront.basket.addPlan({ planId: plans.free.id })),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });
});
