// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { SubscriptionCards, type SubscriptionSummary } from "./subscription-view.tsx";

afterEach(cleanup);

const subscription: SubscriptionSummary = {
  plan: { name: "Standard Reseller Storefront" },
  storefrontAlias: "contoso",
  unitPrice: "49.00",
  currency: "EUR",
  billingPeriodMonths: 3,
  startedAt: new Date("2026-01-01T00:00:00Z"),
  currentPeriodStart: new Date("2026-01-01T00:00:00Z"),
  currentPeriodEnd: new Date("2026-04-01T00:00:00Z"),
  timeZone: "UTC",
  endedAt: null,
  endReason: null,
  order: { id: "o1", number: "ORD-000007" },
  events: [
    {
      at: new Date("2026-01-01T00:00:00Z"),
      kind: "created",
      actor: "staff:Anna",
      invoice: { id: "i1", number: "INV-000009" },
    },
  ],
};

describe("SubscriptionCards", () => {
  it("shows the plan, its price per period and the history with who did what", () => {
    render(
      <MemoryRouter>
        <SubscriptionCards subscription={subscription} lead={[{ label: "Reseller", value: "Contoso" }]} showActor />
      </MemoryRouter>,
    );
    expect(screen.getByText("Reseller").nextElementSibling?.textContent).toBe("Contoso");
    expect(screen.getByText("Price").nextElementSibling?.textContent).toMatch(/per 3 months, excl\. tax$/);
    const [, row] = screen.getAllByRole("row");
    expect(
      row &&
        within(row)
          .getAllByRole("cell")
          .slice(1)
          .map((cell) => cell.textContent),
    ).toEqual(["Subscribed", "Anna", "INV-000009"]);
  });

  it("shows the period's days on the distributor's calendar, whatever the viewer's zone", () => {
    const athens = {
      ...subscription,
      currentPeriodStart: new Date("2026-01-31T22:30:00Z"),
      currentPeriodEnd: new Date("2026-02-28T22:30:00Z"),
    };
    const { unmount } = render(
      <MemoryRouter>
        <SubscriptionCards subscription={{ ...athens, timeZone: "Europe/Athens" }} />
      </MemoryRouter>,
    );
    expect(screen.getByText("Current period").nextElementSibling?.textContent).toBe("01 Feb 2026 – 01 Mar 2026");
    unmount();
    render(
      <MemoryRouter>
        <SubscriptionCards subscription={{ ...athens, timeZone: "America/New_York" }} />
      </MemoryRouter>,
    );
    expect(screen.getByText("Current period").nextElementSibling?.textContent).toBe("31 Jan 2026 – 28 Feb 2026");
  });

  it("leaves out who did it where the app does not show it", () => {
    render(
      <MemoryRouter>
        <SubscriptionCards subscription={subscription} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole("columnheader", { name: "By" })).toBeNull();
    screen.getByRole("link", { name: "ORD-000007" });
  });
});
