"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { unsubscribeAction } from "@/lib/notifications/actions";

/** The button that ends a mailing list; afterwards, where to change one's mind. */
export function UnsubscribeForm({ token, what, email }: { token: string; what: string; email: string }) {
  const [state, action, pending] = useActionState(unsubscribeAction, null);
  if (state?.ok) {
    return (
      <div className="grid gap-4">
        <Notice tone="success">
          <p>Done: you will not get {what} any more.</p>
        </Notice>
        <p className="text-sm text-[var(--fg-muted)]">
          Changed your mind? Turn them on again in your{" "}
          <Link href="/account#notifications">notification settings</Link>.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-4">
      <p className="break-words">
        Stop sending {what} to <strong>{email}</strong>?
      </p>
      <input type="hidden" name="token" value={token} />
      <FormError message={state && !state.ok ? state.message : undefined} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Unsubscribing…" : "Unsubscribe"}
      </Button>
    </form>
  );
}
