// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiKeysView, type ApiKeyRow } from "./api-keys-view.tsx";

afterEach(cleanup);

const key: ApiKeyRow = {
  id: "k1",
  name: "ERP sync",
  prefix: "cm_live_1a2b3c4d",
  scopes: ["orders:write", "assets:read"],
  createdBy: "staff:Ada Admin",
  createdAt: new Date("2026-12-01T10:00:00Z"),
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  state: "ACTIVE",
};

const view = (overrides: Partial<Parameters<typeof ApiKeysView>[0]> = {}) => {
  const props = {
    keys: [key],
    scopeNote: "A key acts for the distributor.",
    create: vi.fn(async () => ({ secret: "cm_live_SECRET-shown-once", key: { name: "New key" } })),
    createError: null,
    revoke: vi.fn(async () => undefined),
    revokeError: null,
    ...overrides,
  };
  // The form's leave guard needs a data router, as in the apps.
  render(<RouterProvider router={createMemoryRouter([{ path: "/", element: <ApiKeysView {...props} /> }])} />);
  return props;
};

describe("ApiKeysView", () => {
  it("lists a key by its prefix, scopes and last use, never a secret", () => {
    view();
    expect(screen.getByText("ERP sync")).toBeTruthy();
    expect(screen.getByText("cm_live_1a2b3c4d…")).toBeTruthy();
    expect(screen.getByText("orders:write, assets:read")).toBeTruthy();
    expect(screen.getAllByText("Never")).toHaveLength(2);
  });

  it("revokes only after a confirmation that says what happens", async () => {
    const props = view();
    fireEvent.click(screen.getByRole("button", { name: "Revoke" }));
    expect(props.revoke).not.toHaveBeenCalled();
    expect(screen.getByRole("alertdialog").textContent).toMatch(/refused from now on \(401\)/);
    fireEvent.click(screen.getByRole("button", { name: "Revoke key" }));
    await waitFor(() => expect(props.revoke).toHaveBeenCalledWith("k1"));
  });

  it("asks for a name and a scope, then shows the new secret once", async () => {
    const props = view({ keys: [] });
    fireEvent.click(screen.getByRole("button", { name: "Create key" }));
    expect(await screen.findByText("Choose at least one scope")).toBeTruthy();
    expect(props.create).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: "New key" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /orders:write/ }));
    fireEvent.click(screen.getByRole("button", { name: "Create key" }));
    await waitFor(() =>
      expect(props.create).toHaveBeenCalledWith({ name: "New key", scopes: ["orders:write"], expiresInDays: 90 }),
    );
    expect((await screen.findByLabelText("New API key")).textContent).toBe("cm_live_SECRET-shown-once");
    fireEvent.click(screen.getByRole("button", { name: "I have copied it" }));
    expect(screen.queryByText("cm_live_SECRET-shown-once")).toBeNull();
  });
});
