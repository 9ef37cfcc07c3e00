"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { changeEmailAction, resendVerificationAction } from "@/lib/account/actions";

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
      <Button type="submit" disabled={pending} variant="secondary" className="justify-self-start">
        {pending ? "Sending…" : "Send the link again"}
      </Button>
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
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Sending…" : "Send a link to the new address"}
      </Button>
    </form>
  );
}
