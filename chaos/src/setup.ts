import type { SimulatorAdmin } from "@cm/bittitan-sim";
import { ApiClient } from "./http-client.ts";

export const STAFF = { email: "admin@northwind.example", password: "demo-password" };
export const CUSTOMER_PASSWORD = "chaos-customer-password";

export interface Customer {
  accountId: string;
  email: string;
  /** An end-customer of this reseller, for orders placed for someone else. */
  endCustomerId: string;
}

const address = {
  line1: "1 Chaos Lane",
  line2: null,
  city: "Athens",
  region: null,
  postalCode: "10001",
  country: "GR",
};

/**
 * Through the product's own API, as staff would: activate BitTitan against the
 * simulator, import the services, create a product, and create `count`
 * synchronized resellers with a login and an end-customer each.
 */
export async function setUpWorld(options: {
  url: string;
  sim: { url: string; apiKey: string; admin: SimulatorAdmin };
  customers: number;
}) {
  const staff = new ApiClient(options.url);
  await staff.signIn("staff", STAFF.email, STAFF.password);
  await staff.mutate("bss.bittitan.activate", { baseUrl: options.sim.url, apiKey: options.sim.apiKey });
  await staff.mutate("bss.bittitan.importServicesDefinition");
  const types = await staff.query<{ id: string; kind: string }[]>("bss.catalog.productTypes");
  const product = await staff.mutate<{ id: string }>("bss.catalog.createProduct", {
    productTypeId: types.find((type) => type.kind === "BITTITAN_MAILBOX_LICENSE")?.id,
    sku: "CHAOS-MBX",
    name: "Chaos Mailbox Migration",
    description: "Licenses bought while everything breaks.",
    licenseCoverage: "One mailbox per license.",
    taxCategory: "STANDARD",
    published: true,
    prices: [{ currency: "EUR", unitPrice: "11.37" }],
  });
  const customers: Customer[] = [];
  for (let index = 0; index < options.customers; index += 1) {
    const email = `buyer${index}@chaos.example`;
    const reseller = await staff.mutate<{ id: string }>("bss.account.create", {
      kind: "RESELLER",
      companyName: `Chaos Reseller ${index}`,
      email: `office${index}@chaos.example`,
      billingAddress: address,
      currency: "EUR",
      primaryContact: { firstName: "Buyer", lastName: String(index), email },
      primaryContactPassword: CUSTOMER_PASSWORD,
    });
    const client = await staff.mutate<{ id: string }>("bss.account.create", {
      kind: "END_CUSTOMER",
      parentId: reseller.id,
      companyName: `Chaos Client ${index}`,
      email: `client${index}@chaos.example`,
      billingAddress: address,
      currency: "EUR",
      primaryContact: { firstName: "Client", lastName: String(index), email: `client${index}@chaos.example` },
    });
    const partner = {
      email: `partner${index}@chaos.example`,
      password: `Partner-${index}-pass`,
      companyName: `Chaos Reseller ${index}`,
    };
    await options.sim.admin.createPartner(partner);
    await staff.mutate("bss.bittitan.synchronizeAccount", {
      accountId: reseller.id,
      email: partner.email,
      password: partner.password,
    });
    customers.push({ accountId: reseller.id, email, endCustomerId: client.id });
  }
  return { staff, productId: product.id, customers };
}
