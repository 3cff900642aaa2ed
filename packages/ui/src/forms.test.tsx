// @vitest-environment happy-dom
import { billingAddressInput, companyInput, productInput } from "@cm/domain/schemas";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, Link, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AddressInputs, CompanyInputs } from "./account-inputs.tsx";
import { emptyAddress, emptyCompany } from "./account-fields.tsx";
import { FormNumberField, FormSelectField, FormTextField } from "./bound-fields.tsx";
import { ApiForm, SubmitButton, UNSAVED_CHANGES_QUESTION, useSubmit, useZodForm } from "./forms.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const schema = companyInput.extend({ billingAddress: billingAddressInput });
type Sent = { companyName: string; billingAddress: { city: string } };

/** A company form as the apps write one: the procedure's schema, a send that may be refused. */
function CompanyForm({ send, error }: { send: (values: Sent) => Promise<unknown>; error?: unknown }) {
  const form = useZodForm(schema, { defaultValues: { ...emptyCompany, billingAddress: emptyAddress } });
  const onSubmit = useSubmit(form, send);
  return (
    <ApiForm form={form} onSubmit={onSubmit} error={error}>
      <CompanyInputs control={form.control} />
      <AddressInputs control={form.control} />
      <SubmitButton form={form} showDirty>
        Save
      </SubmitButton>
      <Link to="/elsewhere">Elsewhere</Link>
    </ApiForm>
  );
}

function renderAt(ui: React.ReactNode) {
  const router = createMemoryRouter(
    [
      { path: "/", element: ui },
      { path: "/elsewhere", element: <p>Another page</p> },
    ],
    { initialEntries: ["/"] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillValid() {
  type("Company name", "Fabrikam");
  type("Company email", "billing@fabrikam.example");
  type("Address line 1", "Hauptstraße 1");
  type("City", "Berlin");
  type("Postal code", "10115");
  fireEvent.change(screen.getByLabelText("Country"), { target: { value: "DE" } });
}

describe("forms validated by the procedure's schema", () => {
  it("shows the schema's messages on the fields, nested ones included, and sends nothing", async () => {
    const send = vi.fn(async () => undefined);
    renderAt(<CompanyForm send={send} />);
    type("Company email", "not an email");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Company name is required")).toBeTruthy();
    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    expect(screen.getByText("City is required")).toBeTruthy();
    expect(screen.getByLabelText("City").getAttribute("aria-invalid")).toBe("true");
    expect(send).not.toHaveBeenCalled();
  });

  it("sends the values as typed once valid, and only once however often it is submitted", async () => {
    let finish: () => void = () => undefined;
    const send = vi.fn<(values: Sent) => Promise<void>>(() => new Promise<void>((resolve) => (finish = resolve)));
    renderAt(<CompanyForm send={send} />);
    fillValid();
    const button = screen.getByRole("button", { name: "Save" });
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.submit(button.closest("form") as HTMLFormElement);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    fireEvent.click(button);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toMatchObject({ companyName: "Fabrikam", billingAddress: { city: "Berlin" } });
    await act(async () => finish());
    fireEvent.click(button);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
  });

  it("puts the server's field errors on the fields they name", async () => {
    const refused = {
      message: "Invalid input",
      data: { code: "BAD_REQUEST", fieldErrors: { "billingAddress.postalCode": ["Postal code is not valid for DE"] } },
    };
    renderAt(<CompanyForm send={async () => undefined} error={refused} />);
    expect(await screen.findByText("Postal code is not valid for DE")).toBeTruthy();
    const postalCode = screen.getByLabelText("Postal code");
    expect(postalCode.getAttribute("aria-invalid")).toBe("true");
    const describedBy = postalCode.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe("Postal code is not valid for DE");
    // Said at the field only: no line on top of the form about it.
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says there are unsaved changes and asks before leaving the page with them", async () => {
    const router = renderAt(<CompanyForm send={async () => undefined} />);
    expect(screen.queryByText("Unsaved changes")).toBeNull();
    type("Company name", "Fabrikam");
    expect(await screen.findByText("Unsaved changes")).toBeTruthy();

    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    fireEvent.click(screen.getByText("Elsewhere"));
    await waitFor(() => expect(confirm).toHaveBeenCalledWith(UNSAVED_CHANGES_QUESTION));
    expect(router.state.location.pathname).toBe("/");

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByText("Elsewhere"));
    expect(await screen.findByText("Another page")).toBeTruthy();
  });

  it("leaves without asking when nothing was changed", async () => {
    const confirm = vi.spyOn(window, "confirm");
    renderAt(<CompanyForm send={async () => undefined} />);
    fireEvent.click(screen.getByText("Elsewhere"));
    expect(await screen.findByText("Another page")).toBeTruthy();
    expect(confirm).not.toHaveBeenCalled();
  });
});

const optionalSchema = productInput.pick({ categoryId: true, expireDaysOverride: true });
type Optional = { categoryId?: string | null; expireDaysOverride?: number | null };
const CATEGORY = "0b4f8a52-3c3e-4f8e-9d6a-6f2b1c0d9e11";

/** Optional choices and numbers, as the product form has them. */
function OptionalForm({ send, initial }: { send: (values: Optional) => Promise<unknown>; initial: Optional }) {
  const form = useZodForm(optionalSchema, { defaultValues: initial });
  const onSubmit = useSubmit(form, send);
  return (
    <ApiForm form={form} onSubmit={onSubmit} guard={false}>
      <FormSelectField
        control={form.control}
        name="categoryId"
        label="Category"
        placeholder="No category"
        options={[{ value: CATEGORY, label: "Mailboxes" }]}
        emptyAsNull
      />
      <FormNumberField control={form.control} name="expireDaysOverride" label="Expire (days)" emptyAsNull />
      <SubmitButton form={form}>Save</SubmitButton>
    </ApiForm>
  );
}

describe("optional choices and numbers (emptyAsNull)", () => {
  it("sends null for the placeholder choice and an emptied number", async () => {
    const send = vi.fn<(values: Optional) => Promise<void>>(async () => undefined);
    renderAt(<OptionalForm send={send} initial={{ categoryId: CATEGORY, expireDaysOverride: 30 }} />);
    expect((screen.getByLabelText("Expire (days)") as HTMLInputElement).value).toBe("30");
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "" } });
    type("Expire (days)", "");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({ categoryId: null, expireDaysOverride: null });
  });

  it("sends a chosen value and a typed number, and still lets the schema refuse a bad number", async () => {
    const send = vi.fn<(values: Optional) => Promise<void>>(async () => undefined);
    renderAt(<OptionalForm send={send} initial={{ categoryId: null, expireDaysOverride: null }} />);
    expect((screen.getByLabelText("Category") as HTMLSelectElement).value).toBe("");
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: CATEGORY } });
    type("Expire (days)", "0");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("At least 1 day")).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    type("Expire (days)", "90");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({ categoryId: CATEGORY, expireDaysOverride: 90 });
  });
});

const keySchema = companyInput.pick({ taxId: true });

describe("an optional text (emptyAsNull)", () => {
  it("is null when emptied, the text when typed", async () => {
    const send = vi.fn<(values: { taxId?: string | null }) => Promise<void>>(async () => undefined);
    function KeyForm() {
      const form = useZodForm(keySchema, { defaultValues: { taxId: "DE123" } });
      const onSubmit = useSubmit(form, send);
      return (
        <ApiForm form={form} onSubmit={onSubmit} guard={false}>
          <FormTextField control={form.control} name="taxId" label="Tax ID" emptyAsNull />
          <SubmitButton form={form}>Save</SubmitButton>
        </ApiForm>
      );
    }
    renderAt(<KeyForm />);
    type("Tax ID", "");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({ taxId: null });
    type("Tax ID", "DE999");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[1]?.[0]).toEqual({ taxId: "DE999" });
  });
});

describe("several forms on one page", () => {
  it("asks before leaving when any of them has unsaved changes, whichever registered last", async () => {
    function TwoForms() {
      const first = useZodForm(keySchema, { defaultValues: { taxId: "" } });
      const second = useZodForm(keySchema, { defaultValues: { taxId: "" } });
      const noop = useSubmit(first, async () => undefined);
      const noop2 = useSubmit(second, async () => undefined);
      return (
        <>
          <ApiForm form={first} onSubmit={noop}>
            <FormTextField control={first.control} name="taxId" label="First" />
          </ApiForm>
          <ApiForm form={second} onSubmit={noop2} guard={false}>
            <FormTextField control={second.control} name="taxId" label="Second" />
          </ApiForm>
          <Link to="/elsewhere">Elsewhere</Link>
        </>
      );
    }
    const router = renderAt(<TwoForms />);
    type("Second", "not guarded");
    type("First", "unsaved");
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    fireEvent.click(screen.getByText("Elsewhere"));
    await waitFor(() => expect(confirm).toHaveBeenCalledWith(UNSAVED_CHANGES_QUESTION));
    expect(router.state.location.pathname).toBe("/");
  });
});

describe("required fields", () => {
  const marked = (label: string) => {
    const control = screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
    const mark = control.closest("div.mt-1")?.previousElementSibling?.querySelector("[data-required-mark]");
    return { required: control.required, mark: mark?.textContent ?? null, hidden: mark?.getAttribute("aria-hidden") };
  };

  it("marks what the schema refuses empty with a hidden '*' and `required`, and says what '*' means", () => {
    renderAt(<CompanyForm send={async () => undefined} />);
    for (const label of ["Company name", "Company email", "Address line 1", "City", "Postal code", "Country"]) {
      expect(marked(label), label).toEqual({ required: true, mark: "*", hidden: "true" });
    }
    for (const label of ["Phone", "VAT number", "Website", "Address line 2", "Region / state"]) {
      expect(marked(label), label).toEqual({ required: false, mark: null, hidden: undefined });
    }
    // The field's name is its label alone; the legend is for the eye.
    expect(screen.getByRole("textbox", { name: "Company name" })).toBeTruthy();
    expect(screen.getByTestId("required-legend").textContent).toBe("Fields marked * are required.");
  });

  it("leaves optional choices and numbers unmarked, and no legend on a form without a required field", () => {
    renderAt(<OptionalForm send={async () => undefined} initial={{ categoryId: null, expireDaysOverride: null }} />);
    expect(marked("Category").required).toBe(false);
    expect(marked("Expire (days)").required).toBe(false);
    expect(screen.queryByTestId("required-legend")).toBeNull();
  });

  it("takes a field's own `required` over the schema (a rule the field's schema can't tell)", () => {
    function KeyForm({ required }: { required: boolean }) {
      const form = useZodForm(keySchema, { defaultValues: { taxId: null } });
      return (
        <ApiForm form={form} onSubmit={() => undefined} guard={false}>
          <FormTextField control={form.control} name="taxId" label="Tax ID" emptyAsNull required={required} />
        </ApiForm>
      );
    }
    renderAt(<KeyForm required />);
    expect(marked("Tax ID")).toEqual({ required: true, mark: "*", hidden: "true" });
    expect(screen.getByTestId("required-legend")).toBeTruthy();
    cleanup();
    renderAt(<KeyForm required={false} />);
    expect(marked("Tax ID").required).toBe(false);
  });
});
