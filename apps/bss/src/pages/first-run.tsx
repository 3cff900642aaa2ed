import {
  Alert,
  ApiForm,
  AuthLayout,
  Button,
  FormSection,
  FormSelectField,
  FormTextField,
  Loading,
  apiErrorMessage,
  countryOptions,
  currencyOptions,
  useSubmit,
  useZodForm,
} from "@cm/ui";
import { newIdempotencyKey, signIn, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { browserSetupFields } from "@cm/domain/schemas";
import { useState } from "react";
import { z } from "zod";
import { Link, useNavigate } from "react-router";

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZoneOptions = [...new Set(["UTC", browserTimeZone, ...Intl.supportedValuesOf("timeZone")])].map((zone) => ({
  value: zone,
  label: zone.replaceAll("_", " "),
}));

/** The browser's set-up fields, and the password typed a second time (checked here, not sent). */
const firstRunInput = browserSetupFields
  .pick({
    setupToken: true,
    companyName: true,
    country: true,
    currency: true,
    timeZone: true,
    adminName: true,
    adminEmail: true,
    adminPassword: true,
  })
  .extend({ repeatPassword: z.string() })
  .refine((values) => values.adminPassword === values.repeatPassword, {
    path: ["repeatPassword"],
    message: "The two passwords differ",
    // Said together with the other fields' messages, not only once they are right.
    when: () => true,
  });

const empty: z.input<typeof firstRunInput> = {
  setupToken: "",
  companyName: "",
  country: "",
  currency: "EUR",
  timeZone: browserTimeZone,
  adminName: "",
  adminEmail: "",
  adminPassword: "",
  repeatPassword: "",
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
  const form = useZodForm(firstRunInput, { defaultValues: empty });
  const [signInProblem, setSignInProblem] = useState<string | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const complete = useMutation(trpc.setup.complete.mutationOptions());
  const onSubmit = useSubmit(form, async ({ repeatPassword: _repeat, ...values }) => {
    await complete.mutateAsync({ ...values, idempotencyKey });
    form.reset(form.getValues());
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
  });

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
      <ApiForm form={form} onSubmit={onSubmit} error={complete.error} className="space-y-5">
        <FormTextField
          control={form.control}
          name="setupToken"
          label="Setup token"
          hint="The server prints it in its log when it starts (look for “Setup token”)."
          autoComplete="off"
          required
          autoFocus
        />
        <FormSection title="Your company">
          <div className="space-y-4">
            <FormTextField control={form.control} name="companyName" label="Company name" required />
            <FormSelectField
              control={form.control}
              name="country"
              label="Country"
              options={countryOptions}
              placeholder="Choose a country"
              required
            />
            <FormSelectField
              control={form.control}
              name="currency"
              label="Currency"
              options={currencyOptions}
              required
            />
            <FormSelectField
              control={form.control}
              name="timeZone"
              label="Time zone"
              options={timeZoneOptions}
              required
            />
          </div>
        </FormSection>
        <FormSection title="First administrator">
          <div className="space-y-4">
            <FormTextField control={form.control} name="adminName" label="Name" autoComplete="name" required />
            <FormTextField
              control={form.control}
              name="adminEmail"
              label="Email"
              type="email"
              autoComplete="username"
              required
            />
            <FormTextField
              control={form.control}
              name="adminPassword"
              label="Password"
              type="password"
              hint="At least 12 characters."
              autoComplete="new-password"
              required
            />
            <FormTextField
              control={form.control}
              name="repeatPassword"
              label="Repeat password"
              type="password"
              autoComplete="new-password"
              required
            />
          </div>
        </FormSection>
        <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
          Create and sign in
        </Button>
      </ApiForm>
    </AuthLayout>
  );
}
