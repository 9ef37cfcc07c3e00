"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import {
  changePasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
  updateNameAction,
} from "@/lib/account/actions";
import { NewPasswordField } from "./new-password-field";

/** Display name. */
export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(updateNameAction, null);
  return (
    <form action={action} className="grid gap-3">
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Field
        label="Display name"
        name="name"
        defaultValue={name}
        maxLength={60}
        required
        error={state && !state.ok ? state.fieldErrors?.name : undefined}
      />
      <Button type="submit" disabled={pending} className="justify-self-start">
        Save name
      </Button>
      <p role="status" className="text-sm">
        {state?.ok ? "Saved." : ""}
      </p>
    </form>
  );
}

/** Password change; every other browser is signed out. */
export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-3">
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors?.currentPassword}
      />
      <NewPasswordField error={errors?.newPassword} consequence="Other browsers will be signed out." />
      <Button type="submit" disabled={pending} className="justify-self-start">
        Change password
      </Button>
    </form>
  );
}

/** Ends every session of the account. */
export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={action} className="grid gap-3">
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Button type="submit" disabled={pending} variant="secondary" className="justify-self-start">
        Sign out everywhere
      </Button>
    </form>
  );
}

/** Deletes the account after the password and a typed confirmation. */
export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-3">
      <p>
        Deleting your account removes your sign-in, your progress and your quiz history for good. Your
        comments are replaced by “[deleted]”; replies other people wrote stay visible.
      </p>
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors?.password}
      />
      <Field
        label='Type "delete" to confirm'
        name="confirm"
        autoComplete="off"
        required
        error={errors?.confirm}
      />
      <Button type="submit" disabled={pending} variant="danger" className="justify-self-start">
        Delete my account
      </Button>
    </form>
  );
}
