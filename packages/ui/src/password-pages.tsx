import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { requestPasswordReset, resetPassword, type AuthRealm } from "./api.ts";
import { AuthLayout } from "./app-shell.tsx";
import { Button } from "./button.tsx";
import { Alert } from "./feedback.tsx";
import { FormTextField } from "./bound-fields.tsx";
import { ApiForm, useSubmit, useZodForm } from "./forms.tsx";
import { forgotPasswordSchema, resetPasswordSchema } from "./password-schemas.ts";

const linkClass = "text-sm font-medium text-brand-600 hover:underline";

/** "Forgot password?": one answer whether the address has a login or not. */
export function ForgotPasswordPage(props: {
  realm: AuthRealm;
  title: string;
  resetPageUrl: string;
  logoUrl?: string | null;
  /** Sent with the request (the Storefront at a reseller's /<alias> names it: the email then comes in its name). */
  headers?: Record<string, string>;
}) {
  const [error, setError] = useState<string | null>(null);
  /** The address the link went to, once sent. */
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(forgotPasswordSchema, { defaultValues: { email: "" } });
  const onSubmit = useSubmit(form, async (values) => {
    setError(null);
    const email = values.email.trim();
    const result = await requestPasswordReset(props.realm, email, props.resetPageUrl, props.headers).catch(() => ({
      ok: false as const,
      message: "Network error. Please try again.",
    }));
    if (result.ok) setSentTo(email);
    else setError(result.message);
  });

  return (
    <AuthLayout title={props.title} subtitle="Reset your password" logoUrl={props.logoUrl}>
      {sentTo !== null ? (
        <div className="space-y-4">
          <Alert tone="success">
            If an account exists for {sentTo}, we sent a link to choose a new password. It works once, for 1 hour.
          </Alert>
          <Link to="/login" className={linkClass}>
            Back to sign in
          </Link>
        </div>
      ) : (
        <ApiForm form={form} onSubmit={onSubmit} guard={false} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <FormTextField
            control={form.control}
            name="email"
            label="Email"
            type="email"
            autoComplete="username"
            required
            autoFocus
          />
          <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
            Send reset link
          </Button>
          <Link to="/login" className={linkClass}>
            Back to sign in
          </Link>
        </ApiForm>
      )}
    </AuthLayout>
  );
}

/** The page a reset or invitation link lands on (better-auth adds ?token=… or ?error=INVALID_TOKEN). */
export function ResetPasswordPage(props: { realm: AuthRealm; title: string; logoUrl?: string | null }) {
  const [params] = useSearchParams();
  const token = params.get("token");
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(!token || params.get("error") !== null);
  const [done, setDone] = useState(false);
  const form = useZodForm(resetPasswordSchema, { defaultValues: { password: "", repeat: "" } });
  const onSubmit = useSubmit(form, async (values) => {
    setError(null);
    const result = await resetPassword(props.realm, token ?? "", values.password).catch(() => ({
      ok: false as const,
      expired: false,
      message: "Network error. Please try again.",
    }));
    if (result.ok) setDone(true);
    else if (result.expired) setExpired(true);
    else setError(result.message);
  });

  return (
    <AuthLayout title={props.title} subtitle="Choose a new password" logoUrl={props.logoUrl}>
      {done ? (
        <div className="space-y-4">
          <Alert tone="success">Your password is set. Sign in with it now; any other sessions were signed out.</Alert>
          <Link to="/login" className={linkClass}>
            Sign in
          </Link>
        </div>
      ) : expired ? (
        <div className="space-y-4">
          <Alert tone="error">This link has expired or has already been used. Ask for a new one.</Alert>
          <Link to="/forgot-password" className={linkClass}>
            Send a new link
          </Link>
        </div>
      ) : (
        <ApiForm form={form} onSubmit={onSubmit} guard={false} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <FormTextField
            control={form.control}
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters"
            required
            autoFocus
          />
          <FormTextField
            control={form.control}
            name="repeat"
            label="Repeat the password"
            type="password"
            autoComplete="new-password"
            required
          />
          <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
            Set password
          </Button>
        </ApiForm>
      )}
    </AuthLayout>
  );
}
