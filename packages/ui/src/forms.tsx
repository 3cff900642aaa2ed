import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  useController,
  useForm,
  type Control,
  type DefaultValues,
  type FieldErrors as FormFieldErrors,
  type FieldPath,
  type FieldValues,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
} from "react-hook-form";
import { useBeforeUnload, useBlocker, type BlockerFunction } from "react-router";
import type { z } from "zod";
import { apiErrorMessage, fieldErrorsOf } from "./api-errors.ts";
import { Button, type ButtonProps } from "./button.tsx";
import { Alert } from "./feedback.tsx";
import {
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  type SelectFieldProps,
  type TextAreaFieldProps,
  type TextFieldProps,
} from "./form.tsx";

// Every form of both apps is a react-hook-form form validated by the zod
// schema its procedure declares (from @cm/domain/schemas), so a field's
// message is the server's message, shown before the request is sent; the
// server's own field errors land on the same fields. Submitting is once at a
// time, and a form with unsaved changes asks before the page is left.

type Nested = { [key: string]: Nested | { type: string; message: string } };

/**
 * Validates a form's values with a zod schema. It only validates: a valid
 * form submits the values as typed, and the server parses them with the same
 * schema (trimming, lower-casing and so on happen there, once).
 */
export function zodResolver<T extends FieldValues>(schema: z.ZodType<unknown, T>): Resolver<T> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values, errors: {} };
    const errors: Nested = {};
    for (const issue of result.error.issues) {
      const path = issue.path.length ? issue.path.map(String) : ["root"];
      let node = errors;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Nested;
      const leaf = path[path.length - 1] as string;
      node[leaf] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as unknown as FormFieldErrors<T> };
  };
}

/** A form whose values are the input of `schema` (or the part of it the form edits). */
export function useZodForm<T extends FieldValues>(
  schema: z.ZodType<unknown, T>,
  options: Omit<UseFormProps<T>, "resolver"> & { defaultValues: DefaultValues<T> },
): UseFormReturn<T> {
  return useForm<T>({ ...options, resolver: zodResolver(schema) });
}

/** Puts the field errors of a refused request (`error.data.fieldErrors`, dotted paths) on the form's fields. */
export function useServerErrors<T extends FieldValues>(form: UseFormReturn<T>, error: unknown) {
  const { setError } = form;
  useEffect(() => {
    for (const [path, messages] of Object.entries(fieldErrorsOf(error))) {
      const message = messages?.[0];
      if (message) setError(path as FieldPath<T>, { type: "server", message });
    }
  }, [error, setError]);
}

/**
 * The form's submit handler: validates, then runs `send` once at a time (a
 * second Enter or click while a request is under way does nothing). A refused
 * request is shown through the mutation's error, not thrown.
 */
export function useSubmit<T extends FieldValues>(
  form: UseFormReturn<T>,
  send: (values: T) => Promise<unknown>,
): (event?: FormEvent) => void {
  const busy = useRef(false);
  const latest = useRef(send);
  latest.current = send;
  const { handleSubmit } = form;
  return useCallback(
    (event?: FormEvent) => {
      event?.preventDefault();
      if (busy.current) return;
      busy.current = true;
      void handleSubmit(async (values) => {
        await latest.current(values).catch(() => undefined);
      })()
        .catch(() => undefined)
        .finally(() => {
          busy.current = false;
        });
    },
    [handleSubmit],
  );
}

export const UNSAVED_CHANGES_QUESTION = "You have unsaved changes. Leave this page and lose them?";

/**
 * The guarded forms on screen with unsaved changes. A router consults only the
 * last blocker registered, so every form's blocker asks about all of them: a
 * page with several forms (or a guarded and an unguarded one) still asks.
 */
const dirtyForms = new Set<symbol>();

/** While `dirty`, leaving the page (in the app or closing the tab) asks first. */
export function useLeaveGuard(dirty: boolean) {
  const [id] = useState(() => Symbol("form"));
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.add(id);
    return () => {
      dirtyForms.delete(id);
    };
  }, [dirty, id]);
  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        (dirty || dirtyForms.size > 0) && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(UNSAVED_CHANGES_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty) return;
        event.preventDefault();
      },
      [dirty],
    ),
  );
}

/**
 * The `<form>` of every form: the refused request's message on top, unsaved
 * changes guarded, submit once. `mutation` is the tRPC mutation it sends.
 */
export function ApiForm<T extends FieldValues>({
  form,
  onSubmit,
  error,
  guard = true,
  className,
  "aria-label": ariaLabel,
  children,
}: {
  form: UseFormReturn<T>;
  onSubmit: (event?: FormEvent) => void;
  /** The error of the request the form sends (a tRPC error). */
  error?: unknown;
  /** Ask before leaving with unsaved changes (off for forms whose page changes on success). */
  guard?: boolean;
  className?: string;
  /** The form's accessible name, for a page with several forms. */
  "aria-label"?: string;
  children: ReactNode;
}) {
  useServerErrors(form, error);
  const { isDirty, isSubmitting } = form.formState;
  useLeaveGuard(guard && isDirty && !isSubmitting);
  return (
    <form onSubmit={onSubmit} noValidate className={className} aria-label={ariaLabel}>
      {error ? <Alert tone="error">{apiErrorMessage(error)}</Alert> : null}
      {children}
    </form>
  );
}

/** The submit button: busy while the form is sent, "Unsaved changes" beside it when the form differs from what was loaded. */
export function SubmitButton<T extends FieldValues>({
  form,
  pending,
  children,
  showDirty = false,
  disabled,
  variant,
  className,
}: {
  form: UseFormReturn<T>;
  pending?: boolean;
  children: ReactNode;
  /** Say "Unsaved changes" while the form differs from what was loaded (edit forms). */
  showDirty?: boolean;
  disabled?: boolean;
  /** The button's look (primary unless said otherwise), as on Button. */
  variant?: ButtonProps["variant"];
  className?: string;
}) {
  const { isDirty, isSubmitting } = form.formState;
  return (
    <span className="inline-flex items-center gap-3">
      {showDirty && isDirty && !isSubmitting && <span className="text-sm text-slate-500">Unsaved changes</span>}
      <Button
        type="submit"
        variant={variant}
        loading={pending || isSubmitting}
        disabled={disabled}
        className={className}
      >
        {children}
      </Button>
    </span>
  );
}

interface Bound<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
}

/**
 * What a bound text-like control gets from the form: its value as the input
 * shows it (`show`), and a change turned into the form's value (`parse`).
 */
function useBoundInput<T extends FieldValues, V>(
  { control, name }: Bound<T>,
  show: (value: V | null | undefined) => string,
  parse: (text: string) => unknown,
) {
  const { field, fieldState } = useController({ control, name });
  return {
    ref: field.ref,
    name: field.name,
    value: show(field.value as V | null | undefined),
    onChange: (next: string) => field.onChange(parse(next)),
    onBlur: field.onBlur,
    error: fieldState.error?.message,
  };
}

const asText = (value: string | null | undefined) => value ?? "";
const textOrNull = (emptyAsNull: boolean) => (next: string) => (emptyAsNull && next === "" ? null : next);

/** `emptyAsNull`: for an optional text whose absence is null (e.g. "leave empty to keep the saved key"), empty sets null. */
export function FormTextField<T extends FieldValues>({
  control,
  name,
  emptyAsNull = false,
  ...rest
}: Bound<T> & { emptyAsNull?: boolean } & Omit<TextFieldProps, "value" | "onChange" | "error" | "name">) {
  return <TextField {...rest} {...useBoundInput({ control, name }, asText, textOrNull(emptyAsNull))} />;
}

/**
 * A number input whose value is a number (empty is NaN, which the schema refuses with its message).
 * `emptyAsNull`: for an optional number, empty is null instead.
 */
export function FormNumberField<T extends FieldValues>({
  control,
  name,
  emptyAsNull = false,
  ...rest
}: Bound<T> & { emptyAsNull?: boolean } & Omit<TextFieldProps, "value" | "onChange" | "error" | "name" | "type">) {
  const bound = useBoundInput<T, number>(
    { control, name },
    (value) => (value === null || value === undefined || Number.isNaN(value) ? "" : String(value)),
    (next) => (next.trim() === "" ? (emptyAsNull ? null : Number.NaN) : Number(next)),
  );
  return <TextField {...rest} type="number" {...bound} />;
}

/** `emptyAsNull`: choosing the placeholder (an optional choice such as "No category") sets null, not "". */
export function FormSelectField<T extends FieldValues>({
  control,
  name,
  emptyAsNull = false,
  ...rest
}: Bound<T> & { emptyAsNull?: boolean } & Omit<SelectFieldProps, "value" | "onChange" | "error" | "name">) {
  return <SelectField {...rest} {...useBoundInput({ control, name }, asText, textOrNull(emptyAsNull))} />;
}

export function FormTextAreaField<T extends FieldValues>({
  control,
  name,
  ...rest
}: Bound<T> & Omit<TextAreaFieldProps, "value" | "onChange" | "error" | "name">) {
  return <TextAreaField {...rest} {...useBoundInput({ control, name }, asText, textOrNull(false))} />;
}

export function FormCheckboxField<T extends FieldValues>({
  control,
  name,
  ...rest
}: Bound<T> & { label: string; hint?: string; disabled?: boolean }) {
  const { field } = useController({ control, name });
  return <CheckboxField {...rest} checked={field.value === true} onChange={field.onChange} />;
}
