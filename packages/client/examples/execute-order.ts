import { createClient, TRPCClientError } from "../src/index.ts";

/** Orders licenses for an end-customer of a reseller and waits for the coupon code. */
export async function orderLicenses(baseUrl: string, apiKey: string, resellerId: string, endCustomerId: string) {
  const client = createClient({ baseUrl, apiKey });
  const [product] = (await client.bss.catalog.listProducts.query({ published: true, pageSize: 1 })).items;
  if (!product) throw new Error("nothing is for sale");
  const draft = await client.bss.order.create.mutate({
    accountId: resellerId,
    recipientAccountId: endCustomerId,
    lines: [{ productId: product.id, quantity: 5, assetName: "Mailbox migration" }],
  });
  try {
    const order = await client.bss.order.execute.mutate({ id: draft.id });
    for (;;) {
      const asset = await client.bss.asset.get.query({ id: order.assets[0]?.id ?? "" });
      if (asset.syncStatus !== "PENDING") return asset.couponCode;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.code === "FORBIDDEN")
      throw new Error("this API key lacks the orders:write scope");
    throw error;
  }
}
