import type { Prisma } from "@cm/db";
import { hashPassword } from "better-auth/crypto";
import { randomUUID } from "node:crypto";
import { DomainError } from "../errors.ts";

type Tx = Prisma.TransactionClient;

/** Hash outside the transaction: scrypt is deliberately slow. */
export const hashLoginPassword = (password: string) => hashPassword(password);

/**
 * Gives a contact a Storefront login (the same rows better-auth's sign-up
 * would write), inside the caller's transaction. Without a password hash
 * there is no credential until the contact sets one through an invitation link.
 */
export async function createShopLogin(
  tx: Tx,
  login: { contactId: string; email: string; name: string; passwordHash: string | null },
  field = "email",
): Promise<{ userId: string }> {
  const taken = await tx.shopUser.findUnique({ where: { email: login.email }, select: { contactId: true } });
  if (taken) {
    if (taken.contactId === login.contactId)
      throw new DomainError("CONFLICT", "This contact can already log in", field);
    throw new DomainError("CONFLICT", `Another Storefront login already uses ${login.email}`, field);
  }
  const userId = randomUUID();
  await tx.shopUser.create({
    data: { id: userId, email: login.email, name: login.name, contactId: login.contactId, emailVerified: true },
  });
  if (login.passwordHash !== null) {
    await tx.shopCredential.create({
      data: { id: randomUUID(), userId, accountId: userId, providerId: "credential", password: login.passwordHash },
    });
  }
  return { userId };
}

/** Removes a contact's login and ends its sessions. */
export async function removeShopLogin(tx: Tx, contactId: string): Promise<void> {
  await tx.shopUser.deleteMany({ where: { contactId } });
}
