"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { requestPasswordResetAction, resetPasswordAction } from "@/lib/account/actions";
import { NewPasswordField } from "./new-password-field";

/** Asks for a reset link; afterwards says the same thing whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestPasswordResetAction, null);
  if (state?.ok) {
    return (
      <div className="grid gap-4">
        <Notice tone="success">
          <p>{state.data.message}</p>
        </Notice>
        <p className="text-sm text-[var(--fg-muted)]">
          Nothing after a few minutes? Check your spam folder, or{" "}
          <Link href="/forgot-password">try again</Link> with the address you signed up with.
        </p>
        <p className="text-sm">
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-4">
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={state && !state.ok ? state.fieldErrors?.email : undefined}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
      <p className="text-sm text-[var(--fg-muted)]">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}

/** The new password for a reset link (the token rides along, hidden). */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (errors?.token) {
    return (
      <div className="grid gap-4">
        <FormError message={errors.token} />
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={state && !state.ok ? state.message : undefined} />
      <NewPasswordField
        error={errors?.newPassword}
        consequence="Every browser signed in to your account will be signed out."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
