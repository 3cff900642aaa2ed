import type { CouponView } from "@cm/bittitan-sim";
import type { PrismaClient } from "@cm/db";
import type { ReceivedEmail } from "@cm/testing";

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

const cents = (value: { toFixed(digits: number): string } | string) =>
  Math.round(Number(typeof value === "string" ? value : value.toFixed(2)) * 100);

/** The promises the product makes, checked against the database, BitTitan and the mailbox. */
export async function checkInvariants(input: {
  db: PrismaClient;
  accepted: Set<string>;
  coupons: CouponView[];
  emails: ReceivedEmail[];
}): Promise<Invariant[]> {
  const { db, accepted, coupons, emails } = input;
  const results: Invariant[] = [];
  const check = (name: string, problems: string[], summary: string) =>
    results.push({
      name,
      ok: problems.length === 0,
      detail: problems.length === 0 ? summary : `${problems.length} problem(s): ${problems.slice(0, 5).join("; ")}`,
    });

  const orders = await db.order.findMany({
    where: { status: { not: "DRAFT" } },
    select: {
      id: true,
      gross: true,
      net: true,
      tax: true,
      lines: { select: { gross: true } },
      invoices: {
        where: { kind: "INVOICE" },
        select: { gross: true, net: true, tax: true, lines: { select: { gross: true } } },
      },
      assets: { select: { id: true } },
    },
  });
  const inDb = new Set(orders.map((order) => order.id));
  check(
    "every accepted order exists, and every order was accepted",
    [
      ...[...accepted].filter((id) => !inDb.has(id)).map((id) => `accepted ${id} missing`),
      ...[...inDb].filter((id) => !accepted.has(id)).map((id) => `order ${id} was never confirmed to a client`),
    ],
    `${accepted.size} accepted orders, ${inDb.size} in the database`,
  );
  check(
    "every order has exactly one invoice and one asset",
    orders
      .filter((order) => order.invoices.length !== 1 || order.assets.length !== 1)
      .map((order) => `${order.id}: ${order.invoices.length} invoices, ${order.assets.length} assets`),
    `${orders.length} orders × (1 invoice, 1 asset)`,
  );
  check(
    "invoice totals equal order totals to the cent",
    orders.flatMap((order) => {
      const invoice = order.invoices[0];
      if (!invoice) return [];
      const problems: string[] = [];
      if (cents(invoice.gross) !== cents(order.gross))
        problems.push(`${order.id}: invoice ${invoice.gross.toFixed(2)} ≠ order ${order.gross.toFixed(2)}`);
      if (invoice.lines.reduce((sum, line) => sum + cents(line.gross), 0) !== cents(invoice.gross))
        problems.push(`${order.id}: invoice lines do not add up`);
      if (cents(invoice.net) + cents(invoice.tax) !== cents(invoice.gross))
        problems.push(`${order.id}: net + tax ≠ gross`);
      return problems;
    }),
    `${orders.length} invoices match their orders`,
  );

  const assets = await db.asset.findMany({
    select: {
      id: true,
      syncStatus: true,
      couponCode: true,
      recipientAccount: { select: { primaryContact: { select: { email: true } } } },
    },
  });
  const couponsByReference = new Map<string, CouponView[]>();
  for (const coupon of coupons)
    couponsByReference.set(coupon.reference ?? "", [...(couponsByReference.get(coupon.reference ?? "") ?? []), coupon]);
  check(
    "every asset is synchronized with exactly one coupon at BitTitan",
    assets.flatMap((asset) => {
      const made = couponsByReference.get(asset.id) ?? [];
      if (asset.syncStatus !== "SYNCHRONIZED") return [`${asset.id} is ${asset.syncStatus}`];
      if (made.length !== 1) return [`${asset.id} has ${made.length} coupons at BitTitan`];
      return made[0]?.code === asset.couponCode
        ? []
        : [`${asset.id} holds ${asset.couponCode}, BitTitan made ${made[0]?.code}`];
    }),
    `${assets.length} assets, ${coupons.length} coupons`,
  );
  const assetByCode = new Map(assets.map((asset) => [asset.couponCode, asset]));
  check(
    "every coupon at BitTitan belongs to one asset",
    coupons
      .filter((coupon) => assetByCode.get(coupon.code)?.id !== coupon.reference)
      .map((coupon) => `coupon ${coupon.code} (reference ${coupon.reference})`),
    `${coupons.length} coupons, all held by their asset`,
  );

  const welcome = emails.filter((email) => /coupon/i.test(email.subject) || /MW-[A-Z0-9]{4}-/.test(email.text));
  let duplicates = 0;
  check(
    "every synchronized asset's recipient got exactly one welcome email",
    assets.flatMap((asset) => {
      if (!asset.couponCode) return [];
      const code = asset.couponCode;
      const received = welcome.filter((email) => email.text.includes(code));
      const distinct = new Set(received.map((email) => email.messageId));
      duplicates += received.length - distinct.size;
      const to = asset.recipientAccount.primaryContact?.email;
      if (distinct.size !== 1) return [`${code}: ${distinct.size} welcome emails`];
      return received.every((email) => email.to.includes(to ?? ""))
        ? []
        : [`${code} went to ${received[0]?.to.join(",")}, not ${to}`];
    }),
    `${assets.length} welcome emails, one per asset`,
  );
  const undelivered = await db.emailMessage.findMany({
    where: { status: { not: "SENT" } },
    select: { id: true, templateKey: true, status: true },
  });
  check(
    "every email was delivered",
    undelivered.map((message) => `${message.templateKey} ${message.id} is ${message.status}`),
    `${await db.emailMessage.count()} emails, all sent`,
  );
  // Not an invariant: SMTP cannot join our transaction, so a kill between the
  // server's "250 OK" and our commit resends the message. It carries the same
  // Message-ID (counted once above, as mail clients show it); reported here.
  results.push({
    name: "(information) welcome emails redelivered with the same Message-ID",
    ok: true,
    detail:
      duplicates === 0 ? "none" : `${duplicates}, each after a kill between SMTP acceptance and the database update`,
  });
  return results;
}
