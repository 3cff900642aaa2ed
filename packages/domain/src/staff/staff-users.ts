import type { Prisma, StaffRole } from "@cm/db";
import { randomUUID } from "node:crypto";
import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { hashLoginPassword } from "../accounts/shop-logins.ts";

export interface StaffUserDto {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  createdAt: Date;
}

const staffSelect = { id: true, name: true, email: true, role: true, active: true, createdAt: true } as const;

export async function listStaffUsers(deps: DomainDeps): Promise<StaffUserDto[]> {
  return deps.db.staffUser.findMany({ select: staffSelect, orderBy: { name: "asc" } });
}

export async function createStaffUser(
  deps: DomainDeps,
  input: { name: string; email: string; role: StaffRole; password: string },
): Promise<StaffUserDto> {
  const passwordHash = await hashLoginPassword(input.password);
  return deps.db.$transaction((tx) => insertStaffUser(tx, { ...input, passwordHash }));
}

/** A staff user with a password (the same rows better-auth's sign-up would write), inside the caller's transaction. */
export async function insertStaffUser(
  tx: Prisma.TransactionClient,
  input: { name: string; email: string; role: StaffRole; passwordHash: string },
): Promise<StaffUserDto> {
  if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("CONFLICT", `A staff user with email ${input.email} exists`, "email");
  }
  const id = randomUUID();
  const user = await tx.staffUser.create({
    data: { id, name: input.name, email: input.email, role: input.role, emailVerified: true },
    select: staffSelect,
  });
  await tx.staffCredential.create({
    data: { id: randomUUID(), userId: id, accountId: id, providerId: "credential", password: input.passwordHash },
  });
  return user;
}

/** Deactivating ends the user's sessions; an admin cannot lock themself out. */
export async function setStaffUserActive(
  deps: DomainDeps,
  actor: StaffCaller,
  input: { id: string; active: boolean },
): Promise<StaffUserDto> {
  if (input.id === actor.userId && !input.active) {
    throw new DomainError("PRECONDITION_FAILED", "You cannot deactivate your own user");
  }
  return deps.db.$transaction(async (tx) => {
    const exists = await tx.staffUser.findUnique({ where: { id: input.id }, select: { id: true } });
    if (!exists) throw notFound("The staff user");
    const user = await tx.staffUser.update({ where: { id: input.id }, data: { active: input.active }, select: staffSelect });
    if (!input.active) await tx.staffSession.deleteMany({ where: { userId: input.id } });
    return user;
  });
}
