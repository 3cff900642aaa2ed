// @vitest-environment happy-dom
import { companyInput } from "@cm/domain/schemas";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CompanyInputs } from "./account-inputs.tsx";
import { emptyCompany } from "./account-fields.tsx";
import { InvalidSubmitAlert } from "./form-summary.tsx";
import { ApiForm, SubmitButton, useSubmit, useZodForm } from "./forms.tsx";

afterEach(cleanup);

function Form({ send, error }: { send: () => Promise<unknown>; error?: unknown }) {
  const form = useZodForm(companyInput, { defaultValues: emptyCompany });
  const onSubmit = useSubmit(form, send);
  return (
    <ApiForm form={form} onSubmit={onSubmit} error={error}>
      <InvalidSubmitAlert form={form} error={error} />
      <CompanyInputs control={form.control} />
      <SubmitButton form={form}>Save</SubmitButton>
    </ApiForm>
  );
}

const renderForm = (ui: React.ReactNode) =>
  render(<RouterProvider router={createMemoryRouter([{ path: "/", element: ui }])} />);

describe("InvalidSubmitAlert", () => {
  it("says what the server would say once the schema refuses a submit, and goes once the fields are fixed", async () => {
    const send = vi.fn(async () => undefined);
    renderForm(<Form send={send} />);
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Please correct the highlighted fields.");
    expect(send).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText("Company name"), { target: { value: "Fabrikam" } });
    fireEvent.change(screen.getByLabelText("Company email"), { target: { value: "billing@fabrikam.example" } });
    await vi.waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("leaves the request's error to ApiForm", () => {
    const error = { message: "Refused", data: { code: "BAD_REQUEST", fieldErrors: { companyName: ["Taken"] } } };
    renderForm(<Form send={async () => undefined} error={error} />);
    expect(screen.getAllByText("Please correct the highlighted fields.")).toHaveLength(1);
  });
});
