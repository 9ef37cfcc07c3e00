"use client";

import { useActionState } from "react";
import {
  changePasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
  updateNameAction,
} from "@/app/(auth)/account/actions";
import { Field, FormError } from "@/components/ui/field";
import { NewPasswordField } from "./new-password-field";

const button =
  "justify-self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60";

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
      <button type="submit" disabled={pending} className={button}>
        Save name
      </button>
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
      <button type="submit" disabled={pending} className={button}>
        Change password
      </button>
    </form>
  );
}

/** Ends every session of the account. */
export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={action} className="grid gap-3">
      <FormError message={state && !state.ok ? state.message : undefined} />
      <button
        type="submit"
        disabled={pending}
        className="justify-self-start rounded-md border border-[var(--border)] px-4 py-2 font-medium"
      >
        Sign out everywhere
      </button>
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
      <button
        type="submit"
        disabled={pending}
        className="justify-self-start rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
      >
        Delete my account
      </button>
    </form>
  );
}
