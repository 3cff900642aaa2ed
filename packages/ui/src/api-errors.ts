import type { FieldErrors } from "./form.tsx";

interface ApiErrorShape {
  message?: string;
  data?: { fieldErrors?: FieldErrors; code?: string } | null;
}

/** The per-field messages an API error carries, if any. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return (error as ApiErrorShape | null)?.data?.fieldErrors ?? {};
}

/** What the API's refusal of invalid fields says on top of the form. */
export const FIELD_ERRORS_MESSAGE = "Please correct the highlighted fields.";

/** A sentence to show for an API error (validation errors point at their fields). */
export function apiErrorMessage(error: unknown): string {
  if (!error) return "";
  const shape = error as ApiErrorShape;
  if (shape.data?.code === "BAD_REQUEST" && shape.data.fieldErrors) return FIELD_ERRORS_MESSAGE;
  if (shape.message && !shape.message.startsWith("[")) return shape.message;
  return "Something went wrong. Please try again.";
}
