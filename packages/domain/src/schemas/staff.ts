import { z } from "zod";
import { emailSchema, requiredText } from "./common.ts";

export const staffRoles = ["ADMIN", "SALES", "SUPPORT"] as const;

/** Setup > Staff: a new back-office user, emailed an invitation to choose a password. */
export const inviteStaffUserInput = z.object({
  name: requiredText("Name", 100),
  email: emailSchema,
  role: z.enum(staffRoles),
});

export type InviteStaffUserInput = z.infer<typeof inviteStaffUserInput>;
