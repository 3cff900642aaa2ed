import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  useForm,
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
import { fieldErrorsOf, formLevelMessages } from "./api-errors.ts";
import { Button, type ButtonProps } from "./button.tsx";
import { Alert } from "./feedback.tsx";
import { RequiredMark } from "./form.tsx";
import { errorMessages, placesOf, useFieldPlaces, type FieldPlaces } from "./form-places.ts";
import { rememberSchema } from "./form-schema.ts";

// Every form of both apps is a react-hook-form form validated by the zod
// schema its procedure declares (from @cm/domain/schemas), so a field's
// message is the server's message, shown before the request is sent; the
// server's own field errors land on the same fields. Submitting is once at a
// time, and a form with unsaved changes asks before the page is left.
//
// Messages: each failure is said once, where it is about.
// - A failure about a field (the schema's, or the server's `fieldErrors`,
//   which name the input path, e.g. `apiKey` or `billingAddress.postalCode`)
//   is said under that field only, which is marked invalid; after a submit
//   the first such field gets the focus. A path inside a field's value
//   (`features.2`, `cc.1`) goes to that field.
// - Only a failure that names no field, or a field the form doesn't show,
//   is said on top of the form (ApiForm's alert), once however many paths
//   carry it. There is no "please correct the highlighted fields" summary:
//   the focus and the red fields say it, and a top line for them would be a
//   second message for the same failure.
// Required fields: a red "*" after the label (hidden from screen readers,
// which hear the control's own `required`), from the schema (a field it
// refuses empty) or a field's `required`; ApiForm says what "*" means above
// a form that has one.

type Nested = { [key: string]: Nested | { type: string; message: string } };

/**
 * Validates a form's values with a zod schema. It only validates: a valid
 * form submits the values as typed, and the server parses them with the same
 * schema (trimming, lower-casing and so on happen there, once). `placeOf`
 * moves a message to the field that shows it (see form-places.ts).
 */
export function zodResolver<T extends FieldValues>(
  schema: z.ZodType<unknown, T>,
  placeOf: (path: string) => string | undefined = () => undefined,
): Resolver<T> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values, errors: {} };
    const errors: Nested = {};
    for (const issue of result.error.issues) {
      const dotted = issue.path.map(String).join(".");
      const path = dotted ? (placeOf(dotted) ?? dotted).split(".") : ["root"];
      let node = errors;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Nested;
      const leaf = path[path.length - 1] as string;
      const existing = node[leaf] as { message?: string } | undefined;
      // First message wins; a list may already hold its items' messages.
      if (!existing) node[leaf] = { type: issue.code, message: issue.message };
      else if (existing.message === undefined) Object.assign(existing, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors: errors as unknown as FormFieldErrors<T> };
  };
}

/** A form whose values are the input of `schema` (or the part of it the form edits). */
export function useZodForm<T extends FieldValues>(
  schema: z.ZodType<unknown, T>,
  options: Omit<UseFormProps<T>, "resolver"> & { defaultValues: DefaultValues<T> },
): UseFormReturn<T> {
  const latest = useRef<{ schema: z.ZodType<unknown, T>; places?: FieldPlaces }>({ schema });
  latest.current.schema = schema;
  const [resolver] = useState<Resolver<T>>(
    () =>
      (...args: Parameters<Resolver<T>>) =>
        zodResolver(latest.current.schema, (path) => latest.current.places?.placeOf(path))(...args),
  );
  const form = useForm<T>({ ...options, resolver });
  rememberSchema(form.control, schema);
  latest.current.places = placesOf(form.control);
  return form;
}

/**
 * Puts the field errors of a refused request (`error.data.fieldErrors`, dotted
 * paths) on the fields of the form that show them; `focus` moves the focus to
 * the first. What no field shows is left to the form's top (formLevelMessages).
 */
export function useServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: unknown,
  { focus = false }: { focus?: boolean } = {},
) {
  const { setError, control } = form;
  useEffect(() => {
    const places = placesOf(control);
    const done = new Set<string>();
    for (const [path, messages] of Object.entries(fieldErrorsOf(error))) {
      const place = places.placeOf(path);
      const message = messages?.[0];
      if (!place || !message || done.has(place)) continue;
      setError(place as FieldPath<T>, { type: "server", message }, { shouldFocus: focus && done.size === 0 });
      done.add(place);
    }
  }, [error, setError, control, focus]);
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
 * The `<form>` of every form: what no field says on top (a refused request's
 * message, a schema message about no field on the form), the legend of the
 * required mark, unsaved changes guarded, submit once. `error` is the error of
 * the tRPC mutation it sends.
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
  const places = useFieldPlaces(form.control);
  useServerErrors(form, error, { focus: true });
  const { isDirty, isSubmitting, errors } = form.formState;
  useLeaveGuard(guard && isDirty && !isSubmitting);
  const unshown = errorMessages(errors).flatMap(([path, message]) => (places.has(path) ? [] : [message]));
  const messages = [...new Set([...formLevelMessages(error, (path) => places.placeOf(path)), ...unshown])];
  return (
    <form onSubmit={onSubmit} noValidate className={className} aria-label={ariaLabel}>
      {messages.length === 1 && <Alert tone="error">{messages[0]}</Alert>}
      {messages.length > 1 && (
        <Alert tone="error">
          <ul className="list-disc space-y-1 pl-4">
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {places.anyRequired() && <RequiredLegend />}
      {children}
    </form>
  );
}

/**
 * What the required mark means, above a form with a required field (ApiForm
 * adds it itself). For the eye only: a screen reader hears "required" on each
 * such control.
 */
export function RequiredLegend() {
  return (
    <p aria-hidden="true" className="text-xs text-slate-500" data-testid="required-legend">
      Fields marked <RequiredMark /> are required.
    </p>
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
