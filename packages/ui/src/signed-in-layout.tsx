import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Outlet, useNavigate } from "react-router";
import { signOut, type AuthRealm } from "./api.ts";
import { AppShell, type NavItem } from "./app-shell.tsx";
import { Button } from "./button.tsx";

/** The frame of every page behind a login: the app's brand and navigation, who is signed in, and Log out. */
export function SignedInLayout({
  realm,
  brand,
  nav,
  who,
}: {
  realm: AuthRealm;
  brand: ReactNode;
  nav: NavItem[];
  who: ReactNode;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function logout() {
    await signOut(realm);
    queryClient.clear();
    void navigate("/login");
  }

  return (
    <AppShell
      brand={brand}
      nav={nav}
      user={
        <>
          <span data-testid="current-user" className="min-w-0 truncate">
            {who}
          </span>
          <Button variant="secondary" size="sm" onClick={logout}>
            Log out
          </Button>
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
