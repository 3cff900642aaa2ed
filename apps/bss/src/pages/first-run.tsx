import {
  Alert,
  AuthLayout,
  Button,
  FormSection,
  Loading,
  SelectField,
  TextField,
  apiErrorMessage,
  countryOptions,
  currencyOptions,
  fieldErrorsOf,
} from "@cm/ui";
import { newIdempotencyKey, signIn, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZoneOptions = [...new Set(["UTC", browserTimeZone, ...Intl.supportedValuesOf("timeZone")])].map((zone) => ({
  value: zone,
  label: zone.replaceAll("_", " "),
}));

const empty = {
  setupToken: "",
  companyName: "",
  country: "",
  currency: "EUR",
  timeZone: browserTimeZone,
  adminName: "",
  adminEmail: "",
  adminPassword: "",
};

/**
 * /bss/setup: a new instance (started without the demo) has no staff user.
 * Whoever holds the setup token from the server's log creates the
 * distributor and its first administrator here, and is signed in.
 */
export function FirstRunPage() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.setup.status.queryOptions(), retry: 2 });
  if (status.isPending) return <Loading />;
  if (status.isError) return <Alert tone="error">{apiErrorMessage(status.error)}</Alert>;
  if (!status.data.needed) {
    return (
      <AuthLayout title="Already set up" subtitle="This instance has its administrator">
        <p className="text-sm text-slate-600">
          <Link to="/login" className="font-medium text-brand-700 hover:underline">
            Sign in to the back office
          </Link>
        </p>
      </AuthLayout>
    );
  }
  return <FirstRunForm />;
}

function FirstRunForm() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(empty);
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [signInProblem, setSignInProblem] = useState<string | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const complete = useMutation(
    trpc.setup.complete.mutationOptions({
      onSuccess: async () => {
        const signedIn = await signIn("staff", values.adminEmail, values.adminPassword).catch(() => ({
          ok: false as const,
          message: "Network error.",
        }));
        queryClient.clear();
        if (signedIn.ok) void navigate("/setup/company?welcome=1");
        else
          setSignInProblem(
            `Your instance is set up, but signing you in failed (${signedIn.message}). Sign in with the email and password you chose.`,
          );
      },
    }),
  );
  const errors = fieldErrorsOf(complete.error);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(values.adminPassword !== repeat);
    if (values.adminPassword !== repeat) return;
    complete.mutate({ ...values, idempotencyKey });
  }

  if (signInProblem) {
    return (
      <AuthLayout title="Set-up done" subtitle="One more step">
        <Alert tone="warning">{signInProblem}</Alert>
        <p className="mt-4 text-sm">
          <Link to="/login" className="font-medium text-brand-700 hover:underline">
            Go to sign in
          </Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Set up CloudMarket" subtitle="Create your distributor company and its first administrator">
      <form onSubmit={submit} className="space-y-5" noValidate>
        {complete.isError && <Alert tone="error">{apiErrorMessage(complete.error)}</Alert>}
        <TextField
          label="Setup token"
          value={values.setupToken}
          onChange={set("setupToken")}
          error={errors.setupToken?.[0]}
          hint="The server prints it in its log when it starts (look for “Setup token”)."
          autoComplete="off"
          required
          autoFocus
        />
        <FormSection title="Your company">
          <div className="space-y-4">
            <TextField
              label="Company name"
              value={values.companyName}
              onChange={set("companyName")}
              error={errors.companyName?.[0]}
              required
            />
            <SelectField
              label="Country"
              value={values.country}
              onChange={set("country")}
              options={countryOptions}
              placeholder="Choose a country"
              error={errors.country?.[0]}
              required
            />
            <SelectField
              label="Currency"
              value={values.currency}
              onChange={set("currency")}
              options={currencyOptions}
              error={errors.currency?.[0]}
              required
            />
            <SelectField
              label="Time zone"
              value={values.timeZone}
              onChange={set("timeZone")}
              options={timeZoneOptions}
              error={errors.timeZone?.[0]}
              required
            />
          </div>
        </FormSection>
        <FormSection title="First administrator">
          <div className="space-y-4">
            <TextField
              label="Name"
              value={values.adminName}
              onChange={set("adminName")}
              error={errors.adminName?.[0]}
              autoComplete="name"
              required
            />
            <TextField
              label="Email"
              type="email"
              value={values.adminEmail}
              onChange={set("adminEmail")}
              error={errors.adminEmail?.[0]}
              autoComplete="username"
              required
            />
            <TextField
              label="Password"
              type="password"
              value={values.adminPassword}
              onChange={set("adminPassword")}
              error={errors.adminPassword?.[0]}
              hint="At least 12 characters."
              autoComplete="new-password"
              required
            />
            <TextField
              label="Repeat password"
              type="password"
              value={repeat}
              onChange={setRepeat}
              error={mismatch ? "The two passwords differ" : undefined}
              autoComplete="new-password"
              required
            />
          </div>
        </FormSection>
        <Button type="submit" className="w-full" loading={complete.isPending}>
          Create and sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
