// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createMemoryRouter, MemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AssetCancelCard,
  AssetDetails,
  AssetEditCard,
  AssetTable,
  assetColumns,
  type AssetRow,
  type AssetSummary,
} from "./asset-view.tsx";

afterEach(cleanup);

const asset: AssetSummary = {
  name: "Tailspin archive move",
  purchaseDate: new Date("2026-03-02T10:00:00Z"),
  quantity: 2,
  expireDays: 365,
  validityDays: 30,
  couponCode: "MW-AAAA-BBBB-CCCC",
  couponExpiresAt: null,
  order: { id: "o1", number: "ORD-000001" },
  invoice: { id: "i1", number: "INV-000001" },
  creditInvoice: null,
  cancellation: { timeZone: "UTC" },
};

const inRouter = (ui: React.ReactNode) => render(<MemoryRouter>{ui}</MemoryRouter>);
/** Forms ask before their page is left, which needs a data router. */
const inDataRouter = (ui: React.ReactNode) =>
  render(<RouterProvider router={createMemoryRouter([{ path: "/", element: ui }])} />);
const valueOf = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

describe("AssetDetails", () => {
  it("shows the coupon code, the app's parties and links to the order and invoice", () => {
    inRouter(
      <AssetDetails
        asset={asset}
        syncStatus="Synchronized"
        couponState="Active"
        parties={[{ label: "Recipient", value: "Tailspin Toys" }]}
      />,
    );
    expect(screen.getByTestId("coupon-code").textContent).toBe("MW-AAAA-BBBB-CCCC");
    expect(valueOf("Licenses")).toBe("2");
    expect(valueOf("Recipient")).toBe("Tailspin Toys");
    expect(valueOf("Coupon expires")).toBe("—");
    expect(screen.getByRole("link", { name: "ORD-000001" }).getAttribute("href")).toBe("/orders/o1");
    expect(screen.getByRole("link", { name: "INV-000001" }).getAttribute("href")).toBe("/invoices/i1");
    expect(screen.queryByText("Credit invoice")).toBeNull();
  });

  it("shows the purchase day on the distributor's calendar, whatever the viewer's zone", () => {
    const lateEvening = { ...asset, purchaseDate: new Date("2026-03-02T22:30:00Z") };
    const details = (timeZone: string) =>
      inRouter(
        <AssetDetails
          asset={{ ...lateEvening, cancellation: { timeZone } }}
          syncStatus="Synchronized"
          couponState="Active"
          parties={[]}
        />,
      );
    details("Europe/Athens");
    expect(valueOf("Purchase Date")).toBe("03 Mar 2026");
    cleanup();
    details("America/New_York");
    expect(valueOf("Purchase Date")).toBe("02 Mar 2026");
  });

  it("shows no coupon code before provisioning, and the credit invoice once credited", () => {
    inRouter(
      <AssetDetails
        asset={{ ...asset, couponCode: null, creditInvoice: { id: "c1", number: "CRN-000001" } }}
        syncStatus="Failed"
        couponState={null}
        parties={[]}
      />,
    );
    expect(screen.queryByTestId("coupon-code")).toBeNull();
    expect(valueOf("Coupon Code")).toBe("—");
    expect(screen.getByRole("link", { name: "CRN-000001" }).getAttribute("href")).toBe("/invoices/c1");
  });
});

describe("AssetCancelCard", () => {
  const texts = {
    explanation: "Possible until 1 Apr 2026.",
    confirmLabel: "Yes, cancel the asset",
    keepLabel: "Keep it",
    mutation: { isPending: false, isSuccess: false, error: null },
  };

  it("offers the cancel button while cancellation is allowed, and confirms before cancelling", () => {
    const onConfirm = vi.fn();
    render(
      <AssetCancelCard
        cancellation={{ allowed: true }}
        {...texts}
        question="Revoke the coupon?"
        onConfirm={onConfirm}
      />,
    );
    screen.getByText("Possible until 1 Apr 2026.");
    fireEvent.click(screen.getByRole("button", { name: "Cancel asset" }));
    screen.getByText("Revoke the coupon?");
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Keep it" }));
    fireEvent.click(screen.getByRole("button", { name: "Cancel asset" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, cancel the asset" }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("gives the reason and no cancel button when cancellation is not allowed", () => {
    render(
      <AssetCancelCard
        cancellation={{ allowed: false, reason: "The coupon is redeemed." }}
        {...texts}
        onConfirm={() => {}}
      />,
    );
    expect(screen.getByTestId("cancel-refused").textContent).toBe("The coupon is redeemed.");
    expect(screen.queryByRole("button", { name: "Cancel asset" })).toBeNull();
  });

  it("says why a user who may not cancel cannot, without a button", () => {
    render(
      <AssetCancelCard cancellation={{ allowed: true }} {...texts} notPermitted="Only administrators cancel assets." />,
    );
    screen.getByText("Only administrators cancel assets.");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows only what the app says of a cancelled asset", () => {
    render(
      <AssetCancelCard
        cancellation={{ allowed: false, reason: "Cancelled." }}
        {...texts}
        cancelled={<p>Credited on CRN-000001.</p>}
        onConfirm={() => {}}
      />,
    );
    screen.getByText("Credited on CRN-000001.");
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByTestId("cancel-refused")).toBeNull();
  });
});

describe("AssetEditCard", () => {
  const options = [
    { value: "a1", label: "Tailspin Toys (us)" },
    { value: "a2", label: "Fabrikam" },
  ];
  const idle = { isPending: false, isSuccess: false, error: null };
  const props = { title: "Edit asset", options, mutation: idle };

  it("saves the edited name and recipient", async () => {
    const onSave = vi.fn(async () => undefined);
    inDataRouter(
      <AssetEditCard
        asset={{ name: "Old name", recipient: { id: "a1" }, syncStatus: "SYNCHRONIZED" }}
        {...props}
        onSave={onSave}
      />,
    );
    screen.getByText("Edit asset");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "New name" } });
    fireEvent.change(screen.getByLabelText("Recipient"), { target: { value: "a2" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ name: "New name", recipientAccountId: "a2" }));
  });

  const apiError = {
    message: "name: Too long",
    data: { code: "BAD_REQUEST", fieldErrors: { name: ["Too long"] } },
  };

  it("on a failed asset says that saving retries the provisioning, and shows the API's errors", () => {
    inDataRouter(
      <AssetEditCard
        asset={{ name: "Old name", recipient: { id: "a1" }, syncStatus: "FAILED" }}
        {...props}
        mutation={{ ...idle, error: apiError }}
        onSave={async () => {}}
        onCancel={() => {}}
      />,
    );
    screen.getByText("Edit and retry provisioning");
    screen.getByRole("button", { name: "Save and retry" });
    screen.getByRole("button", { name: "Cancel" });
    // At the Name field, once: no summary on top repeating it.
    expect(screen.getAllByText("Too long")).toHaveLength(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("AssetTable", () => {
  type Row = AssetRow & { account: string };
  const row = (id: string, name: string, couponCode: string | null): Row => ({
    id,
    name,
    couponCode,
    quantity: 3,
    purchaseDate: new Date("2026-03-02T10:00:00Z"),
    product: { name: "MigrationWiz" },
    recipient: { companyName: "Fabrikam" },
    account: "Tailspin Toys",
  });
  const columns = assetColumns<Row>();
  const table = (rows: Row[], cursors: string[] = [], nextCursor: string | null = null, onCursors = () => {}) =>
    inRouter(
      <AssetTable
        rows={rows}
        empty="No assets match."
        columns={[columns.name, { header: "Account", cell: (r) => r.account }, columns.licenses, columns.couponCode]}
        cursors={cursors}
        nextCursor={nextCursor}
        onCursors={onCursors}
        showPage
      />,
    );

  it("renders a row an asset, its name linking to the asset", () => {
    table([row("x1", "First move", "MW-1"), row("x2", "Second move", null)]);
    const [first, second, ...more] = screen
      .getAllByRole("row")
      .slice(1)
      .map((tr) =>
        within(tr)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      );
    expect(more).toHaveLength(0);
    expect(first).toEqual(["First move", "Tailspin Toys", "3", "MW-1"]);
    expect(second?.[3]).toBe("—");
    expect(screen.getByRole("link", { name: "Second move" }).getAttribute("href")).toBe("/assets/x2");
  });

  it("renders the empty state when there are no assets", () => {
    table([]);
    screen.getByText("No assets match.");
    expect(screen.queryAllByRole("link")).toHaveLength(0);
  });

  it("pages with cursors", () => {
    const onCursors = vi.fn();
    table([row("x1", "First move", "MW-1")], ["c1"], "c2", onCursors);
    screen.getByText("Page 2");
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(onCursors).toHaveBeenLastCalledWith(["c1", "c2"]);
    fireEvent.click(screen.getByRole("button", { name: "Previous" }));
    expect(onCursors).toHaveBeenLastCalledWith([]);
  });
});
