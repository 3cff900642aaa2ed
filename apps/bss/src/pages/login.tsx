import { SignInPage } from "@cm/ui/app";

export function LoginPage() {
  return <SignInPage realm="staff" title="Back office" subtitle="Sign in with your distributor staff account" home="/accounts" />;
}
