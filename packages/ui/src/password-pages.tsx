import { passwordSchema } from "@cm/domain/schemas";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { requestPasswordReset, resetPassword, type AuthRealm } from "./api.ts";
import { AuthLayout } from "./app-shell.tsx";
import { Button } from "./button.tsx";
import { Alert } from "./feedback.tsx";
import { TextField } from "./form.tsx";

const linkClass = "text-sm font-medium text-brand-600 hover:underline";

/** "Forgot password?": one answer whether the address has a login or not. */
export function ForgotPasswordPage(props: { realm: AuthRealm; title: string; resetPageUrl: string }) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setError("Enter a valid email address.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await requestPasswordReset(props.realm, email.trim(), props.resetPageUrl).catch(() => ({
      ok: false as const,
      message: "Network error. Please try again.",
    }));
    setPending(false);
    if (result.ok) setSent(true);
    else setError(result.message);
  }

  return (
    <AuthLayout title={props.title} subtitle="Reset your password">
      {sent ? (
        <div className="space-y-4">
          <Alert tone="success">
            If an account exists for {email.trim()}, we sent a link to choose a new password. It works once, for 1 hour.
          </Alert>
          <Link to="/login" className={linkClass}>
            Back to sign in
          </Link>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          {error && <Alert tone="error">{error}</Alert>}
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            required
            autoFocus
          />
          <Button type="submit" className="w-full" loading={pending}>
            Send reset link
          </Button>
          <Link to="/login" className={linkClass}>
            Back to sign in
          </Link>
        </form>
      )}
    </AuthLayout>
  );
}

/** The page a reset or invitation link lands on (better-auth adds ?token=… or ?error=INVALID_TOKEN). */
export function ResetPasswordPage(props: { realm: AuthRealm; title: string }) {
  const [params] = useSearchParams();
  const token = params.get("token");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [fieldError, setFieldError] = useState<{ password?: string; repeat?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(!token || params.get("error") !== null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = passwordSchema.safeParse(password);
    if (!checked.success) {
      setFieldError({ password: checked.error.issues[0]?.message });
      return;
    }
    if (repeat !== password) {
      setFieldError({ repeat: "The two passwords differ" });
      return;
    }
    setFieldError({});
    setPending(true);
    setError(null);
    const result = await resetPassword(props.realm, token ?? "", password).catch(() => ({
      ok: false as const,
      expired: false,
      message: "Network error. Please try again.",
    }));
    setPending(false);
    if (result.ok) setDone(true);
    else if (result.expired) setExpired(true);
    else setError(result.message);
  }

  return (
    <AuthLayout title={props.title} subtitle="Choose a new password">
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
        <form onSubmit={submit} className="space-y-4" noValidate>
          {error && <Alert tone="error">{error}</Alert>}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters"
            value={password}
            onChange={setPassword}
            error={fieldError.password}
            required
            autoFocus
          />
          <TextField
            label="Repeat the password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={setRepeat}
            error={fieldError.repeat}
            required
          />
          <Button type="submit" className="w-full" loading={pending}>
            Set password
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
