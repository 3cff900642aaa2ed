import type { RouterOutputs } from "@cm/domain/client";

type Audience = RouterOutputs["bss"]["notification"]["template"]["get"]["audience"];

/** How the editor and the list name a template's default recipients (its "to primary contact" switch), by whom the template is for. */
export const DEFAULT_RECIPIENTS: Record<Audience, { label: string; hint: string; short: string }> = {
  account: {
    label: "Send to the account's primary contact",
    hint: "Or to the recipient the event names, such as an order's recipient.",
    short: "Primary contact",
  },
  staff: {
    label: "Send to the distributor's administrators",
    hint: "Every active staff user with the Admin role (Setup > Staff).",
    short: "Administrators",
  },
};
