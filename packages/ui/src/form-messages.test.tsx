// @vitest-environment happy-dom
import { activateServiceManagerInput, companyInput } from "@cm/domain/schemas";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { CompanyInputs } from "./account-inputs.tsx";
import { emptyCompany } from "./account-fields.tsx";
import { FormListMessage, FormTextAreaField, FormTextField } from "./bound-fields.tsx";
import { ApiForm, SubmitButton, useSubmit, useZodForm } from "./forms.tsx";

// One message per failure: at its field when it has one on the form, else
// once on top of the form; never both, and no summary repeating them.

afterEach(cleanup);

const renderForm = (ui: React.ReactNode) =>
  render(<RouterProvider router={createMemoryRouter([{ path: "/", element: ui }])} />);

function CompanyForm({ send, error }: { send: () => Promise<unknown>; error?: unknown }) {
  const form = useZodForm(companyInput, { defaultValues: emptyCompany });
  const onSubmit = useSubmit(form, send);
  return (
    <ApiForm form={form} onSubmit={onSubmit} error={error}>
      <CompanyInputs control={form.control} />
      <SubmitButton form={form}>Save</SubmitButton>
    </ApiForm>
  );
}

/** The element that says `text`, and how many say it. */
function said(text: string) {
  const all = screen.queryAllByText(text);
  return { count: all.length, element: all[0] };
}

/** The message under a field: the element its control is described by. */
function messageOf(label: string): string | null | undefined {
  const id = screen.getByLabelText(label).getAttribute("aria-describedby");
  return id ? document.getElementById(id)?.textContent : undefined;
}

describe("one message per failure", () => {
  it("says a refused field once, under it, with no alert on top, and focuses the first refused field", async () => {
    const send = vi.fn(async () => undefined);
    renderForm(<CompanyForm send={send} />);
    fireEvent.change(screen.getByLabelText("Company email"), { target: { value: "not an email" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Company name is required");
    expect(said("Company name is required").count).toBe(1);
    expect(said("Enter a valid email address").count).toBe(1);
    expect(messageOf("Company name")).toBe("Company name is required");
    expect(messageOf("Company email")).toBe("Enter a valid email address");
    expect(screen.queryByRole("alert")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Company name")));
    expect(send).not.toHaveBeenCalled();
  });

  it("puts a server rule's message on the field it names, once, and focuses it", async () => {
    // A DomainError with a field: its message is both the error's and the field's.
    const taken = "A company named Fabrikam exists";
    const error = { message: taken, data: { code: "CONFLICT", fieldErrors: { companyName: [taken] } } };
    renderForm(<CompanyForm send={async () => undefined} error={error} />);
    await waitFor(() => expect(messageOf("Company name")).toBe(taken));
    expect(said(taken).count).toBe(1);
    expect(screen.getByLabelText("Company name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText("Company name"));
  });

  it("says a failure without a field once, on top", () => {
    const error = { message: "BitTitan could not be reached", data: { code: "SERVICE_UNAVAILABLE" } };
    renderForm(<CompanyForm send={async () => undefined} error={error} />);
    expect(screen.getByRole("alert").textContent).toBe("BitTitan could not be reached");
    expect(said("BitTitan could not be reached").count).toBe(1);
  });

  it("says on top, once, a server message about a field the form does not show", () => {
    const error = {
      message: "subject: Unknown variable (and 1 more problem)",
      data: {
        code: "BAD_REQUEST",
        fieldErrors: { subject: ["Unknown variable"], email: ["Enter a valid email address"] },
      },
    };
    renderForm(<CompanyForm send={async () => undefined} error={error} />);
    expect(screen.getByRole("alert").textContent).toBe("Unknown variable");
    expect(messageOf("Company email")).toBe("Enter a valid email address");
    expect(said("Enter a valid email address").count).toBe(1);
  });
});

const planLike = z
  .object({
    name: z.string().min(1, { message: "Name is required" }),
    features: z.string(),
    lines: z.array(z.string()),
  })
  .refine((values) => values.name !== "Basic", { message: "Basic is not a plan you can edit" })
  .refine((values) => values.lines.length > 0, { path: ["lines"], message: "Add at least one line" });

function PlanLikeForm({ error }: { error?: unknown }) {
  const form = useZodForm(planLike, { defaultValues: { name: "", features: "", lines: [] } });
  const onSubmit = useSubmit(form, async () => undefined);
  return (
    <ApiForm form={form} onSubmit={onSubmit} error={error}>
      <FormTextField control={form.control} name="name" label="Name" />
      <FormTextAreaField control={form.control} name="features" label="Features" />
      <FormListMessage control={form.control} name="lines" />
      <SubmitButton form={form}>Save</SubmitButton>
    </ApiForm>
  );
}

describe("messages about a part of a value, or about no value", () => {
  it("puts a server message about one line of a field's value on that field", async () => {
    const error = {
      message: "features.2: Too long",
      data: { code: "BAD_REQUEST", fieldErrors: { "features.2": ["A feature is at most 200 characters"] } },
    };
    renderForm(<PlanLikeForm error={error} />);
    await waitFor(() => expect(messageOf("Features")).toBe("A feature is at most 200 characters"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows a list's message under the list and a message about no field on top, each once", async () => {
    renderForm(<PlanLikeForm />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Basic" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Basic is not a plan you can edit");
    expect(said("Basic is not a plan you can edit").count).toBe(1);
    expect(said("Add at least one line").count).toBe(1);
    expect(screen.getByRole("alert").textContent).not.toContain("Add at least one line");
  });
});

describe("an API key refused by BitTitan", () => {
  it("is said under the API key field, not on top", async () => {
    function Activation({ error }: { error?: unknown }) {
      const form = useZodForm(activateServiceManagerInput, { defaultValues: { baseUrl: "", apiKey: null } });
      const onSubmit = useSubmit(form, async () => undefined);
      return (
        <ApiForm form={form} onSubmit={onSubmit} error={error}>
          <FormTextField control={form.control} name="baseUrl" label="API address" />
          <FormTextField control={form.control} name="apiKey" label="API key" emptyAsNull required />
        </ApiForm>
      );
    }
    const refused = "BitTitan refused this API key: check it and try again";
    const error = { message: refused, data: { code: "BAD_REQUEST", fieldErrors: { apiKey: [refused] } } };
    renderForm(<Activation error={error} />);
    await waitFor(() => expect(messageOf("API key")).toBe(refused));
    expect(said(refused).count).toBe(1);
    expect(messageOf("API address")).toBeUndefined();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
