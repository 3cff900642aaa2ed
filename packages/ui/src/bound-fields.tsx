import { get, useController, useFormState, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import {
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  type SelectFieldProps,
  type TextAreaFieldProps,
  type TextFieldProps,
} from "./form.tsx";
import { useFieldPlace } from "./form-places.ts";
import { requiredAt, schemaOfForm } from "./form-schema.ts";

// The form's fields bound to react-hook-form. Each shows its value's message,
// is the place of the messages about its path (form-places.ts), and is marked
// required when the form's schema refuses it empty (form-schema.ts), unless
// `required` says otherwise (a rule across fields, a key kept when left empty).

interface Bound<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  /** Whether the field must be filled; by default what the form's schema says of the field left empty. */
  required?: boolean;
}

/** Whether the field at `name` is required: `required` if given, else what the schema says of `empty`. */
function useRequired<T extends FieldValues>(
  control: Control<T>,
  name: string,
  required: boolean | undefined,
  empty: unknown,
) {
  const schema = schemaOfForm(control);
  const isRequired = required ?? (schema ? requiredAt(schema, name, [empty]) : false);
  useFieldPlace(control, name, isRequired);
  return isRequired;
}

/**
 * What a bound text-like control gets from the form: its value as the input
 * shows it (`show`), and a change turned into the form's value (`parse`).
 */
function useBoundInput<T extends FieldValues, V>(
  { control, name, required }: Bound<T>,
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
    required: useRequired(control, name, required, parse("")),
  };
}

const asText = (value: string | null | undefined) => value ?? "";
const textOrNull = (emptyAsNull: boolean) => (next: string) => (emptyAsNull && next === "" ? null : next);

type Omitted = "value" | "onChange" | "error" | "name" | "required";

/** `emptyAsNull`: for an optional text whose absence is null (e.g. "leave empty to keep the saved key"), empty sets null. */
export function FormTextField<T extends FieldValues>({
  control,
  name,
  required,
  emptyAsNull = false,
  ...rest
}: Bound<T> & { emptyAsNull?: boolean } & Omit<TextFieldProps, Omitted>) {
  return <TextField {...rest} {...useBoundInput({ control, name, required }, asText, textOrNull(emptyAsNull))} />;
}

/**
 * A number input whose value is a number (empty is NaN, which the schema refuses with its message).
 * `emptyAsNull`: for an optional number, empty is null instead.
 */
export function FormNumberField<T extends FieldValues>({
  control,
  name,
  required,
  emptyAsNull = false,
  ...rest
}: Bound<T> & { emptyAsNull?: boolean } & Omit<TextFieldProps, Omitted | "type">) {
  const bound = useBoundInput<T, number>(
    { control, name, required },
    (value) => (value === null || value === undefined || Number.isNaN(value) ? "" : String(value)),
    (next) => (next.trim() === "" ? (emptyAsNull ? null : Number.NaN) : Number(next)),
  );
  return <TextField {...rest} type="number" {...bound} />;
}

/** `emptyAsNull`: choosing the placeholder (an optional choice such as "No category") sets null, not "". */
export function FormSelectField<T extends FieldValues>({
  control,
  name,
  required,
  emptyAsNull = false,
  ...rest
}: Bound<T> & { emptyAsNull?: boolean } & Omit<SelectFieldProps, Omitted>) {
  return <SelectField {...rest} {...useBoundInput({ control, name, required }, asText, textOrNull(emptyAsNull))} />;
}

export function FormTextAreaField<T extends FieldValues>({
  control,
  name,
  required,
  ...rest
}: Bound<T> & Omit<TextAreaFieldProps, Omitted>) {
  return <TextAreaField {...rest} {...useBoundInput({ control, name, required }, asText, textOrNull(false))} />;
}

/**
 * A yes/no choice always has a value: never marked required. It shows no
 * message, so it is no place for one: a refusal about it is said on top.
 */
export function FormCheckboxField<T extends FieldValues>({
  control,
  name,
  ...rest
}: Omit<Bound<T>, "required"> & { label: string; hint?: string; disabled?: boolean }) {
  const { field } = useController({ control, name });
  return <CheckboxField {...rest} checked={field.value === true} onChange={field.onChange} />;
}

/**
 * The message of a value no single field shows, such as a list's ("Add at
 * least one price"), under the list; the place of the messages about the
 * list's path that no field inside it takes.
 */
export function FormListMessage<T extends FieldValues>({ control, name }: { control: Control<T>; name: string }) {
  const { errors } = useFormState({ control, name: name as FieldPath<T> });
  useFieldPlace(control, name);
  const error = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  const message = error?.message ?? error?.root?.message;
  return message ? <p className="text-xs text-red-600">{message}</p> : null;
}
