"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { signInAction } from "@/lib/account/actions";

/** Email and password sign-in; works as a plain form before JavaScript loads. */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-4">
      <input type="hidden" name="next" value={next} />
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors?.password}
      />
      <p className="-mt-2 text-sm">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <Button type="submit" disabled={pending} variant="primary">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-sm text-[var(--fg-muted)]">
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}
