import { AuthLayout, Alert, Button, TextField } from "@cm/ui";
import { signIn } from "@cm/ui/api";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { resellerStorefront, storefrontHeaders } from "../reseller-storefront.ts";

export function LoginPage() {
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
    const result = await signIn("shop", email, password, storefrontHeaders).catch(() => ({ ok: false as const, message: "Network error. Please try again." }));
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    queryClient.clear();
    void navigate("/");
  }

  return (
    <AuthLayout
      title={resellerStorefront?.displayName ?? "Storefront"}
      subtitle={resellerStorefront ? "Sign in with your usual Storefront email and password" : "Sign in to buy and manage your BitTitan licenses"}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {resellerStorefront?.message && <Alert tone="warning">{resellerStorefront.message}</Alert>}
        {error && error !== resellerStorefront?.message && <Alert tone="error">{error}</Alert>}
        <TextField label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} required autoFocus />
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
