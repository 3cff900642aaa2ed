import { cn } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { NavLink } from "react-router";
import { useCan } from "../../components/use-can.ts";

/** Setup > Notifications: the templates, the delivery log and (with the embedded mail server) the Dev inbox. */
export function NotificationTabs() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.bss.notification.settings.queryOptions());
  const can = useCan();
  const tabs = [
    { to: "/setup/notifications", label: "Customer notifications", end: true },
    { to: "/setup/notifications/log", label: "Delivery log", end: false },
    ...(settings.data?.target === "dev-inbox" && can("notifications.setup")
      ? [{ to: "/setup/notifications/dev-inbox", label: "Dev inbox", end: false }]
      : []),
  ];
  return (
    <nav aria-label="Notifications" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) =>
            cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
