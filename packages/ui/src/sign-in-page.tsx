import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { signIn, type AuthRealm } from "./api.ts";
import { AuthLayout } from "./app-shell.tsx";
import { Button } from "./button.tsx";
import { Alert } from "./feedback.tsx";
import { FormTextField } from "./bound-fields.tsx";
import { ApiForm, useSubmit, useZodForm } from "./forms.tsx";
import { signInSchema } from "./password-schemas.ts";

/** The login page of either app; `notice` is a standing message (e.g. a closed reseller storefront). */
export function SignInPage(props: {
  realm: AuthRealm;
  title: string;
  subtitle: string;
  logoUrl?: string | null;
  home: string;
  headers?: Record<string, string>;
  notice?: string | null;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(signInSchema, { defaultValues: { email: "", password: "" } });
  const onSubmit = useSubmit(form, async ({ email, password }) => {
    setError(null);
    const result = await signIn(props.realm, email, password, props.headers).catch(() => ({
      ok: false as const,
      message: "Network error. Please try again.",
    }));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    queryClient.clear();
    void navigate(props.home);
  });

  return (
    <AuthLayout title={props.title} subtitle={props.subtitle} logoUrl={props.logoUrl}>
      <ApiForm form={form} onSubmit={onSubmit} guard={false} className="space-y-4">
        {props.notice && <Alert tone="warning">{props.notice}</Alert>}
        {error && error !== props.notice && <Alert tone="error">{error}</Alert>}
        <FormTextField
          control={form.control}
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          autoFocus
        />
        <FormTextField
          control={form.control}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
          Sign in
        </Button>
        <Link to="/forgot-password" className="block text-center text-sm font-medium text-brand-600 hover:underline">
          Forgot password?
        </Link>
      </ApiForm>
    </AuthLayout>
  );
}
