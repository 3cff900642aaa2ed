import type { Agent } from "node:http";
import { SimulatorAdmin } from "@cm/bittitan-sim";
import { ApiClient } from "./http-client.ts";
import type { RunningProduct } from "./product.ts";

export const STAFF = { email: "admin@northwind.example", password: "demo-password" };
export const CUSTOMER_PASSWORD = "bench-customer-password";

export interface Customer {
  accountId: string;
  email: string;
}

const address = {
  line1: "1 Benchmark Way",
  line2: null,
  city: "Athens",
  region: null,
  postalCode: "10001",
  country: "GR",
};

/**
 * Synchronized resellers with a Storefront login, created through the
 * product's own API as distributor staff would: "New account" with a login for
 * the primary contact, the partner created at the simulator (its admin API,
 * with the admin token from DATA_DIR/secrets.json), then "Save & Synchronize".
 */
export async function createCustomers(
  product: RunningProduct,
  agent: Agent,
  count: number,
  tag: string,
): Promise<{ customers: Customer[]; productId: string }> {
  const secrets = product.secrets();
  const sim = new SimulatorAdmin(product.simUrl, secrets.simAdminToken);
  const staff = new ApiClient(product.url, agent);
  await staff.signIn("staff", STAFF.email, STAFF.password);
  const manager = await staff.query<{ active: boolean }>("bss.bittitan.serviceManager");
  if (!manager.active) {
    await staff.mutate("bss.bittitan.activate", { baseUrl: product.simUrl, apiKey: secrets.simApiKey });
  }
  const customers: Customer[] = new Array<Customer>(count);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= count) return;
      const email = `buyer-${tag}-${index}@bench.example`;
      const account = await staff.mutate<{ id: string }>("bss.account.create", {
        kind: "RESELLER",
        companyName: `Bench Reseller ${tag}-${index}`,
        email: `office-${tag}-${index}@bench.example`,
        phone: null,
        taxId: null,
        website: null,
        billingAddress: address,
        currency: "EUR",
        primaryContact: { firstName: "Bench", lastName: `Buyer ${index}`, email, phone: null, jobTitle: null },
        primaryContactPassword: CUSTOMER_PASSWORD,
      });
      const partner = {
        email: `partner-${tag}-${index}@bench.example`,
        password: `Bench-${tag}-${index}-pass`,
        companyName: `Bench Reseller ${tag}-${index}`,
      };
      await sim.createPartner(partner);
      await staff.mutate("bss.bittitan.synchronizeAccount", {
        accountId: account.id,
        email: partner.email,
        password: partner.password,
      });
      customers[index] = { accountId: account.id, email };
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, count) }, worker));

  const shopper = new ApiClient(product.url, agent);
  await shopper.signIn("shop", customers[0]?.email ?? "", CUSTOMER_PASSWORD);
  const catalog = await shopper.query<{
    products: { id: string; sku?: string; name: string; unitPrice: string | null }[];
  }>("storefront.catalog.browse", {});
  const productId = catalog.products.find((candidate) => candidate.unitPrice !== null)?.id;
  if (!productId) throw new Error("the demo catalog has no product priced in EUR");
  return { customers, productId };
}
