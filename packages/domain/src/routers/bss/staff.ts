import { z } from "zod";
import { createStaffUser, listStaffUsers, setStaffUserActive } from "../../staff/staff-users.ts";
import { permissionsOf } from "../../staff/permissions.ts";
import { emailSchema, passwordSchema, requiredText } from "../../schemas/common.ts";
import { idempotent } from "../../idempotency.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const bssStaffRouter = router({
  me: staffProcedure.query(({ ctx }) => ({ ...ctx.staff, permissions: permissionsOf(ctx.staff.role) })),
  list: staffProcedure.query(({ ctx }) => listStaffUsers(ctx.deps)),
  create: staffProcedure
    .input(
      z.object({
        name: requiredText("Name", 100),
        email: emailSchema,
        role: z.enum(["ADMIN", "SALES", "SUPPORT"]),
        password: passwordSchema,
        ...idempotent.shape,
      }),
    )
    .use(idempotent.middleware)
    .mutation(({ ctx, input }) => createStaffUser(ctx.deps, input)),
  setActive: staffProcedure
    .input(z.object({ id: z.string().min(1).max(64), active: z.boolean() }))
    .mutation(({ ctx, input }) => setStaffUserActive(ctx.deps, ctx.staff, input)),
});

