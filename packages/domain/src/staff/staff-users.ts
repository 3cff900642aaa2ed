import type { Prisma, StaffRole } from "@cm/db";
import { randomUUID } from "node:crypto";
import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { hashLoginPassword } from "../accounts/shop-logins.ts";
import { sendStaffInvitation } from "./staff-invitation.ts";

export interface StaffUserDto {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  /** False while an invited user has not chosen a password yet. */
  passwordSet: boolean;
  createdAt: Date;
}

const staffSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  createdAt: true,
  credentials: { where: { providerId: "credential", password: { not: null } }, select: { id: true }, take: 1 },
} as const satisfies Prisma.StaffUserSelect;

type StaffRow = Prisma.StaffUserGetPayload<{ select: typeof staffSelect }>;

const toStaffDto = ({ credentials, ...user }: StaffRow): StaffUserDto => ({
  ...user,
  passwordSet: credentials.length > 0,
});

export async function listStaffUsers(deps: DomainDeps): Promise<StaffUserDto[]> {
  return (await deps.db.staffUser.findMany({ select: staffSelect, orderBy: { name: "asc" } })).map(toStaffDto);
}

export interface StaffInvitationResult {
  user: StaffUserDto;
  /** The address the invitation email was queued to; null when the staff-invitation template is turned off. */
  invitationSentTo: string | null;
}

/**
 * An administrator adds a staff user: the user and the invitation email
 * (with a set-password link) in one transaction. Nobody but the user ever
 * knows the password.
 */
export async function inviteStaffUser(
  deps: DomainDeps,
  actor: StaffCaller,
  input: { name: string; email: string; role: StaffRole },
): Promise<StaffInvitationResult> {
  return deps.db.$transaction(async (tx) => {
    const user = await insertStaffUser(tx, { ...input, passwordHash: null });
    const invitationSentTo = await sendStaffInvitation(tx, deps, { actor, user });
    return { user, invitationSentTo };
  });
}

/** A new invitation for a user who has not chosen a password yet (the earlier link stops working). */
export async function resendStaffInvitation(
  deps: DomainDeps,
  actor: StaffCaller,
  id: string,
): Promise<StaffInvitationResult> {
  return deps.db.$transaction(async (tx) => {
    const row = await tx.staffUser.findUnique({ where: { id }, select: staffSelect });
    if (!row) throw notFound("The staff user");
    const user = toStaffDto(row);
    if (user.passwordSet)
      throw new DomainError(
        "PRECONDITION_FAILED",
        `${user.name} has already chosen a password; "Forgot password?" on the sign-in page sends a new one`,
      );
    if (!user.active)
      throw new DomainError("PRECONDITION_FAILED", `${user.name} is deactivated; reactivate the user first`);
    return { user, invitationSentTo: await sendStaffInvitation(tx, deps, { actor, user }) };
  });
}

/** A staff user with a known password (the demo, tests, and the first administrator at set-up). */
export async function createStaffUserWithPassword(
  deps: DomainDeps,
  input: { name: string; email: string; role: StaffRole; password: string },
): Promise<StaffUserDto> {
  const passwordHash = await hashLoginPassword(input.password);
  return deps.db.$transaction((tx) => insertStaffUser(tx, { ...input, passwordHash }));
}

/**
 * A staff user (the same rows better-auth's sign-up would write), inside the
 * caller's transaction; without a password hash it has no credential until
 * the user sets one through an invitation link.
 */
export async function insertStaffUser(
  tx: Prisma.TransactionClient,
  input: { name: string; email: string; role: StaffRole; passwordHash: string | null },
): Promise<StaffUserDto> {
  if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("CONFLICT", `A staff user with email ${input.email} exists`, "email");
  }
  const id = randomUUID();
  const user = await tx.staffUser.create({
    data: { id, name: input.name, email: input.email, role: input.role, emailVerified: true },
    select: staffSelect,
  });
  if (input.passwordHash === null) return toStaffDto(user);
  await tx.staffCredential.create({
    data: { id: randomUUID(), userId: id, accountId: id, providerId: "credential", password: input.passwordHash },
  });
  return { ...toStaffDto(user), passwordSet: true };
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
    const user = await tx.staffUser.update({
      where: { id: input.id },
      data: { active: input.active },
      select: staffSelect,
    });
    if (!input.active) await tx.staffSession.deleteMany({ where: { userId: input.id } });
    return toStaffDto(user);
  });
}
