"use client";

import { useActionState } from "react";
import { Field, FormError } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { changeEmailAction, resendVerificationAction } from "@/lib/auth/actions";

const secondary = "justify-self-start rounded-md border border-[var(--border)] px-4 py-2 font-medium";
const primary =
  "justify-self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60";

/** Sends the confirmation link again. */
export function ResendVerificationForm() {
  const [state, action, pending] = useActionState(resendVerificationAction, null);
  return (
    <form action={action} className="grid gap-3">
      <FormError message={state && !state.ok ? state.message : undefined} />
      {state?.ok ? (
        <Notice tone="success">
          <p>{state.data.message}</p>
        </Notice>
      ) : null}
      <button type="submit" disabled={pending} className={secondary}>
        {pending ? "Sending…" : "Send the link again"}
      </button>
    </form>
  );
}

/** Moves the account to another address, after the password. */
export function ChangeEmailForm() {
  const [state, action, pending] = useActionState(changeEmailAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-3">
      <FormError message={state && !state.ok ? state.message : undefined} />
      {state?.ok ? (
        <Notice tone="success">
          <p className="break-words">{state.data.message}</p>
        </Notice>
      ) : null}
      <Field
        label="New email address"
        name="newEmail"
        type="email"
        autoComplete="email"
        required
        error={errors?.newEmail}
      />
      <Field
        id="change-email-password"
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors?.password}
      />
      <button type="submit" disabled={pending} className={primary}>
        {pending ? "Sending…" : "Send a link to the new address"}
      </button>
    </form>
  );
}
