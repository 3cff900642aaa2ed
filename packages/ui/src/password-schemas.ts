import { emailSchema, passwordSchema, text } from "@cm/domain/schemas";
import { z } from "zod";

// The forms of the sign-in and password pages send to better-auth, not to a
// tRPC procedure; these are their values, built from the domain's pieces so
// the messages are the domain's.

const requiredPassword = text({ message: "Password is required" }).min(1, { message: "Password is required" });

/** Sign in: the password is only checked by the auth server. */
export const signInSchema = z.object({ email: emailSchema, password: requiredPassword });

/** "Forgot password?": the address to send the link to. */
export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The reset (or invitation) page: the new password, typed twice. */
export const resetPasswordSchema = z
  .object({ password: passwordSchema, repeat: z.string() })
  .refine((values) => values.repeat === values.password, { path: ["repeat"], message: "The two passwords differ" });

/** Changing one's password: the current one is checked by the auth server. */
export const changePasswordSchema = z.object({
  currentPassword: text({ message: "Enter your current password" }).min(1, { message: "Enter your current password" }),
  newPassword: passwordSchema,
});
