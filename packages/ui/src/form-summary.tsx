import { useFormState, type FieldValues, type UseFormReturn } from "react-hook-form";
import { FIELD_ERRORS_MESSAGE } from "./api-errors.ts";
import { Alert } from "./feedback.tsx";

/**
 * On top of a form (inside ApiForm, before the fields): after a submit the schema refused, says what the
 * server says when it refuses fields ("Please correct the highlighted fields."), so a form checked before
 * sending reads as it did when only the server checked it. Nothing while `error` (the request's error,
 * which ApiForm shows) is set.
 */
export function InvalidSubmitAlert<T extends FieldValues>({
  form,
  error,
}: {
  form: UseFormReturn<T>;
  error?: unknown;
}) {
  const { submitCount, errors } = useFormState({ control: form.control });
  if (error || submitCount === 0 || Object.keys(errors).length === 0) return null;
  return <Alert tone="error">{FIELD_ERRORS_MESSAGE}</Alert>;
}
