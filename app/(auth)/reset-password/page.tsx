import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/recovery-forms";
import { FormError } from "@/components/ui/field";
import { RESET_LINK_INVALID, resetTokenHolder } from "@/lib/auth/reset-token";

export const metadata: Metadata = {
  title: "Choose a new password",
  robots: { index: false },
  // The token is in this page's address: never send it to another site.
  referrer: "no-referrer",
};

/** Opened from the reset mail: the form while the link is good, else a way to ask for a new one. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const token = (await searchParams).token ?? "";
  const holder = await resetTokenHolder(token);
  return (
    <main className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Choose a new password</h1>
      {holder ? (
        <>
          <p className="mt-2 mb-6 text-[var(--fg-muted)] break-words">For {holder.email}.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <div className="mt-6 grid gap-4">
          <FormError message={RESET_LINK_INVALID} />
          <p>
            <Link href="/forgot-password">Ask for a new link</Link> · <Link href="/sign-in">Sign in</Link>
          </p>
        </div>
      )}
    </main>
  );
}
