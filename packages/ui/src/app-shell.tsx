import { useState, type ReactNode } from "react";
import { NavLink } from "react-router";
import { cn } from "./cn.ts";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** A count shown beside the label (e.g. the lines in the basket); nothing when 0. */
  count?: number;
}

function NavLinks({ nav, onPick, vertical = false }: { nav: NavItem[]; onPick?: () => void; vertical?: boolean }) {
  return nav.map((item) => (
    <NavLink
      key={item.to}
      to={item.to}
      end={item.end}
      onClick={onPick}
      data-entry={item.label}
      className={({ isActive }) =>
        cn(
          "whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium",
          vertical && "block py-2",
          isActive ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
        )
      }
    >
      {item.label}
      {item.count ? (
        <span className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs text-white">
          <span className="sr-only">, </span>
          {item.count}
          <span className="sr-only"> in it</span>
        </span>
      ) : null}
    </NavLink>
  ));
}

/**
 * The frame of both apps: a top bar with the product name, navigation and the
 * user menu. Wide screens show the navigation in the bar; from tablet width
 * (768 px) to 1280 px it takes a row of its own under the brand, wrapping, so
 * every entry stays visible; on a phone it folds into a Menu button.
 */
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
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <div className="shrink-0 text-base font-semibold text-slate-900">{brand}</div>
          <nav
            aria-label="Main"
            className="order-last hidden w-full flex-wrap items-center gap-0.5 md:flex xl:order-none xl:w-auto xl:flex-1"
          >
            <NavLinks nav={nav} />
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm text-slate-600">
            {user}
            <button
              type="button"
              className="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 md:hidden"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              Menu
            </button>
          </div>
          {menuOpen && (
            <nav
              id="main-menu"
              aria-label="Menu"
              className="order-last w-full border-t border-slate-100 pt-2 md:hidden"
            >
              <NavLinks nav={nav} vertical onPick={() => setMenuOpen(false)} />
            </nav>
          )}
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}

/** A centred card for the login pages. */
export function AuthLayout({
  title,
  subtitle,
  logoUrl,
  children,
}: {
  title: string;
  subtitle?: string;
  /** The brand's logo above the title (its name is the title, so the image is decorative). */
  logoUrl?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        {logoUrl && <img src={logoUrl} alt="" className="mx-auto mb-4 max-h-16 max-w-full" data-testid="brand-logo" />}
        <h1 className="text-center text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {subtitle && <p className="mt-2 text-center text-sm text-slate-500">{subtitle}</p>}
        <div className="mt-8 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      </div>
    </div>
  );
}
