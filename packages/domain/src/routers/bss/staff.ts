import { z } from "zod";
import { inviteStaffUser, listStaffUsers, resendStaffInvitation, setStaffUserActive } from "../../staff/staff-users.ts";
import { permissionsOf } from "../../permissions.ts";
import { text } from "../../schemas/common.ts";
import { inviteStaffUserInput } from "../../schemas/staff.ts";
import { idempotent } from "../../idempotency.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const bssStaffRouter = router({
  me: staffProcedure.query(({ ctx }) => ({ ...ctx.staff, permissions: permissionsOf(ctx.staff.role) })),
  list: staffProcedure.query(({ ctx }) => listStaffUsers(ctx.deps)),
  /** Adds a user and emails them an invitation to choose their password. */
  create: staffProcedure
    .input(inviteStaffUserInput.extend(idempotent.shape))
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => inviteStaffUser(ctx.deps, ctx.staff, input)),
  resendInvitation: staffProcedure
    .input(z.object({ id: text().min(1).max(64) }))
    .mutation(({ ctx, input }) => resendStaffInvitation(ctx.deps, ctx.staff, input.id)),
  setActive: staffProcedure
    .input(z.object({ id: text().min(1).max(64), active: z.boolean() }))
    .mutation(({ ctx, input }) => setStaffUserActive(ctx.deps, ctx.staff, input)),
});
