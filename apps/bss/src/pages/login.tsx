import { AuthLayout, Alert, Button, TextField } from "@cm/ui";
import { signIn } from "@cm/ui/api";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";

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
    const result = await signIn("staff", email, password).catch(() => ({ ok: false as const, message: "Network error. Please try again." }));
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    queryClient.clear();
    void navigate("/accounts");
  }

  return (
    <AuthLayout title="Back office" subtitle="Sign in with your distributor staff account">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} required autoFocus />
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
