import { randomUUID } from "node:crypto";
import { ApiClient, HttpError } from "./http-client.ts";
import { CUSTOMER_PASSWORD, type Customer } from "./setup.ts";

export interface ShopperResult {
  /** Order ids the product confirmed (a 200 to "Complete order"). */
  accepted: Set<string>;
  duplicatesSent: number;
  retries: number;
  refusals: string[];
}

/**
 * One customer buying again and again until the shared counter runs out:
 * add to basket, review, complete. Sometimes the same submission is sent
 * twice at once (a double click); every request that gets no answer is sent
 * again with the same idempotency key.
 */
export async function runShopper(options: {
  url: string;
  customer: Customer;
  productId: string;
  take: () => boolean;
  duplicateRate: number;
}): Promise<ShopperResult> {
  const api = new ApiClient(options.url);
  await api.signIn("shop", options.customer.email, CUSTOMER_PASSWORD);
  const result: ShopperResult = { accepted: new Set(), duplicatesSent: 0, retries: 0, refusals: [] };
  let turn = 0;
  while (options.take()) {
    turn += 1;
    const quantity = 1 + (turn % 7);
    await api.mutate("storefront.basket.add", { productId: options.productId, quantity, idempotencyKey: randomUUID() });
    await api.mutate("storefront.basket.setRecipient", {
      recipientAccountId: turn % 2 === 0 ? options.customer.endCustomerId : null,
    });
    const review = await api.query<{ basket: { version: number } }>("storefront.checkout.review");
    const submission = { idempotencyKey: randomUUID(), basketVersion: review.basket.version };
    const double = Math.random() < options.duplicateRate;
    if (double) result.duplicatesSent += 1;
    const attempts = await Promise.allSettled(
      Array.from({ length: double ? 2 : 1 }, () =>
        api.mutate<{ orderId: string }>("storefront.checkout.complete", submission),
      ),
    );
    for (const attempt of attempts) {
      if (attempt.status === "fulfilled") result.accepted.add(attempt.value.orderId);
      else
        result.refusals.push(
          attempt.reason instanceof HttpError
            ? `${attempt.reason.code}: ${attempt.reason.message}`
            : String(attempt.reason),
        );
    }
    if (attempts.every((attempt) => attempt.status === "rejected")) {
      // Nothing confirmed: the next turn starts from what is in the basket.
      continue;
    }
  }
  result.retries = api.retries;
  return result;
}
