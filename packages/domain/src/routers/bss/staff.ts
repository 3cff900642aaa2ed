import { z } from "zod";
import { createStaffUser, listStaffUsers, setStaffUserActive } from "../../staff/staff-users.ts";
import { emailSchema, passwordSchema, requiredText, text } from "../../schemas/common.ts";
import { idempotent } from "../../idempotency.ts";
import { adminProcedure, router, staffProcedure } from "../../trpc.ts";

export const bssStaffRouter = router({
  me: staffProcedure.query(({ ctx }) => ctx.staff),
  list: adminProcedure.query(({ ctx }) => listStaffUsers(ctx.deps)),
  create: adminProcedure
    .input(
      z.object({
        name: requiredText("Name", 100),
        email: emailSchema,
        role: z.enum(["ADMIN", "SALES"]),
        password: passwordSchema,
        ...idempotent.shape,
      }),
    )
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => createStaffUser(ctx.deps, input)),
  setActive: adminProcedure
    .input(z.object({ id: text().min(1).max(64), active: z.boolean() }))
    .mutation(({ ctx, input }) => setStaffUserActive(ctx.deps, ctx.staff, input)),
});

