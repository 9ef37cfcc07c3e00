import type { InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled input with its hint and error wired to it for assistive tech. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  const describedBy =
    [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className="grid gap-1">
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 aria-[invalid]:border-red-700"
        {...input}
      />
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-[var(--fg-muted)]">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message of a failed action, announced when it appears. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
    >
      {message}
    </p>
  );
}
