import type { Metadata } from "next";
import Link from "next/link";
import { FormError } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Email address", robots: { index: false } };

const OUTCOMES = {
  verified: {
    ok: true,
    title: "Your email address is confirmed",
    text: "You can now take part in the discussions.",
  },
  changed: {
    ok: true,
    title: "Your email address was changed",
    text: "Your account uses the new address from now on. We let the old one know.",
  },
  expired: {
    ok: false,
    title: "This link has expired",
    text: "Links work for 24 hours. Send yourself a new one from your account page.",
  },
  invalid: {
    ok: false,
    title: "This link does not work",
    text: "It may be incomplete, or the address has changed since it was sent. Send yourself a new one from your account page.",
  },
} as const;

/** What following a verification link did. */
export default async function VerifyEmailResultPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string }>;
}) {
  const status = (await searchParams).status;
  const outcome = OUTCOMES[status as keyof typeof OUTCOMES] ?? OUTCOMES.invalid;
  const user = await getSessionUser();
  return (
    <main className="mx-auto grid max-w-md gap-5 px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{outcome.title}</h1>
      {outcome.ok ? (
        <Notice tone="success">
          <p>{outcome.text}</p>
        </Notice>
      ) : (
        <FormError message={outcome.text} />
      )}
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {user ? (
          <Link href="/account">Your account</Link>
        ) : (
          <Link href="/sign-in?next=/account">Sign in</Link>
        )}
        <Link href="/">Courses</Link>
      </p>
    </main>
  );
}
