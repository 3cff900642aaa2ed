import {
  useId,
  type Ref,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "./cn.ts";

/** Messages by dotted field path, as the API's fieldErrors gives them. */
export type FieldErrors = Record<string, string[] | undefined>;

/**
 * The mark after a required field's label. Hidden from assistive technology,
 * which hears "required" from the control's own `required`; ApiForm's legend
 * says what it means.
 */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="text-sm font-medium text-red-700" data-required-mark="">
      *
    </span>
  );
}

export function Field({
  label,
  error,
  hint,
  required = false,
  children,
  id,
}: {
  label: string;
  error?: string;
  hint?: string;
  /** Marks the label (the control itself carries `required`). */
  required?: boolean;
  children: (id: string, describedBy?: string) => ReactNode;
  id?: string;
}) {
  const generated = useId();
  const fieldId = id ?? generated;
  const messageId = `${fieldId}-message`;
  return (
    <div>
      {/* The mark stays outside the label, so the field's name is its label alone. */}
      <div className="flex items-baseline gap-1">
        <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        {required && <RequiredMark />}
      </div>
      <div className="mt-1">{children(fieldId, error || hint ? messageId : undefined)}</div>
      {error ? (
        <p id={messageId} className="mt-1 text-xs text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const controlClass = (invalid: boolean) =>
  cn(
    "block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset disabled:bg-slate-50 disabled:text-slate-500",
    invalid ? "ring-red-400 focus:ring-red-500" : "ring-slate-300 focus:ring-brand-500",
  );

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> {
  ref?: Ref<HTMLInputElement>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}

export function TextField({ label, value, onChange, error, hint, className, ref, ...rest }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={rest.id} required={rest.required}>
      {(id, describedBy) => (
        <input
          id={id}
          ref={ref}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cn(controlClass(!!error), className)}
          {...rest}
        />
      )}
    </Field>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value"> {
  ref?: Ref<HTMLSelectElement>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  placeholder?: string;
}

export function SelectField({ label, value, onChange, options, error, placeholder, ref, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} error={error} id={rest.id} required={rest.required}>
      {(id, describedBy) => (
        <select
          id={id}
          ref={ref}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={controlClass(!!error)}
          {...rest}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function FormGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>;
}

export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="border-t border-slate-200 pt-5 first:border-t-0 first:pt-0">
      <legend className="text-sm font-semibold text-slate-900">{title}</legend>
      {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
      <div className="mt-4">{children}</div>
    </fieldset>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value"> {
  ref?: Ref<HTMLTextAreaElement>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}

export function TextAreaField({ label, value, onChange, error, hint, rows = 4, ref, ...rest }: TextAreaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={rest.id} required={rest.required}>
      {(id, describedBy) => (
        <textarea
          id={id}
          ref={ref}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={controlClass(!!error)}
          {...rest}
        />
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint && <p className="text-xs text-slate-500">{hint}</p>}
      </div>
    </div>
  );
}
