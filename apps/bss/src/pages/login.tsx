import { Loading } from "@cm/ui";
import { SignInPage } from "@cm/ui/app";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router";

export function LoginPage() {
  const trpc = useTRPC();
  // A new instance has nobody to sign in yet: its first administrator is created at /setup.
  const setup = useQuery({ ...trpc.setup.status.queryOptions(), retry: 2 });
  if (setup.isPending) return <Loading />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  return (
    <SignInPage
      realm="staff"
      title="Back office"
      subtitle="Sign in with your distributor staff account"
      home="/accounts"
    />
  );
}
