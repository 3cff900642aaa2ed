import { z } from "zod";
import { inviteStaffUser, listStaffUsers, resendStaffInvitation, setStaffUserActive } from "../../staff/staff-users.ts";
import { emailSchema, requiredText, text } from "../../schemas/common.ts";
import { idempotent } from "../../idempotency.ts";
import { adminProcedure, router, staffProcedure } from "../../trpc.ts";

export const bssStaffRouter = router({
  me: staffProcedure.query(({ ctx }) => ctx.staff),
  list: adminProcedure.query(({ ctx }) => listStaffUsers(ctx.deps)),
  /** Adds a user and emails them an invitation to choose their password. */
  create: adminProcedure
    .input(
      z.object({
        name: requiredText("Name", 100),
        email: emailSchema,
        role: z.enum(["ADMIN", "SALES"]),
        ...idempotent.shape,
      }),
    )
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => inviteStaffUser(ctx.deps, ctx.staff, input)),
  resendInvitation: adminProcedure
    .input(z.object({ id: text().min(1).max(64) }))
    .mutation(({ ctx, input }) => resendStaffInvitation(ctx.deps, ctx.staff, input.id)),
  setActive: adminProcedure
    .input(z.object({ id: text().min(1).max(64), active: z.boolean() }))
    .mutation(({ ctx, input }) => setStaffUserActive(ctx.deps, ctx.staff, input)),
});
