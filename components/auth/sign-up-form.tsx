"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Honeypot } from "@/components/ui/honeypot";
import { signUpAction } from "@/lib/account/actions";

/** Account creation; the honeypot field is invisible to people and announced as "leave empty". */
export function SignUpForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-4">
      <input type="hidden" name="next" value={next} />
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Field
        label="Display name"
        name="name"
        autoComplete="nickname"
        required
        maxLength={60}
        error={errors?.name}
        hint="Shown with your comments."
      />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        error={errors?.password}
        hint="At least 10 characters, not a common password."
      />
      <Honeypot />
      <Button type="submit" disabled={pending} variant="primary">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm text-[var(--fg-muted)]">
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </form>
  );
}
