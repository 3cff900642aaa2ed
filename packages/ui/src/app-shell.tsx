import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { cn } from "./cn.ts";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** The frame of both apps: a top bar with the product name, navigation and the user menu. */
export function AppShell({
  brand,
  nav,
  user,
  children,
}: {
  brand: ReactNode;
  nav: NavItem[];
  user?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 sm:px-6">
          <div className="shrink-0 text-base font-semibold text-slate-900">{brand}</div>
          <nav aria-label="Main" className="flex flex-1 items-center gap-0.5 overflow-x-auto">
            {nav.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  cn(
                    "whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium",
                    isActive ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                  )
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          {user && <div className="flex shrink-0 items-center gap-3 text-sm text-slate-600">{user}</div>}
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}

/** A centred card for the login pages. */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {subtitle && <p className="mt-2 text-center text-sm text-slate-500">{subtitle}</p>}
        <div className="mt-8 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      </div>
    </div>
  );
}
