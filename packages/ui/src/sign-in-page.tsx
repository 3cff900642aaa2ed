import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { signIn, type AuthRealm } from "./api.ts";
import { AuthLayout } from "./app-shell.tsx";
import { Button } from "./button.tsx";
import { Alert } from "./feedback.tsx";
import { TextField } from "./form.tsx";

/** The login page of either app; `notice` is a standing message (e.g. a closed reseller storefront). */
export function SignInPage(props: {
  realm: AuthRealm;
  title: string;
  subtitle: string;
  home: string;
  headers?: Record<string, string>;
  notice?: string | null;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn(props.realm, email, password, props.headers).catch(() => ({
      ok: false as const,
      message: "Network error. Please try again.",
    }));
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    queryClient.clear();
    void navigate(props.home);
  }

  return (
    <AuthLayout title={props.title} subtitle={props.subtitle}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {props.notice && <Alert tone="warning">{props.notice}</Alert>}
        {error && error !== props.notice && <Alert tone="error">{error}</Alert>}
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          required
          autoFocus
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
        />
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
        <Link to="/forgot-password" className="block text-center text-sm font-medium text-brand-600 hover:underline">
          Forgot password?
        </Link>
      </form>
    </AuthLayout>
  );
}
