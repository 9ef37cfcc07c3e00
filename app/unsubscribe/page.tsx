import type { Metadata } from "next";
import Link from "next/link";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { FormError } from "@/components/ui/field";
import { db } from "@/lib/db";
import { LIST_DESCRIPTIONS } from "@/lib/notifications/lists-text";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { getSecret } from "@/lib/secret";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" };

/**
 * The unsubscribe link in a mail's footer: says what stops, and stops it with one button (a GET
 * changes nothing, so link scanners in mail systems cannot unsubscribe anyone). Mail clients use
 * the one-click address in the List-Unsubscribe header instead (/api/unsubscribe).
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const token = (await searchParams).token ?? "";
  const found = readUnsubscribeToken(token, await getSecret());
  const user = found
    ? await db.user.findUnique({ where: { id: found.userId }, select: { email: true } })
    : null;
  return (
    <main className="mx-auto grid max-w-md gap-5 px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Unsubscribe</h1>
      {found && user ? (
        <UnsubscribeForm token={token} what={LIST_DESCRIPTIONS[found.list]} email={user.email} />
      ) : (
        <>
          <FormError message="This unsubscribe link is not valid (or its account no longer exists)." />
          <p>
            Signed in? Choose what we send you in your{" "}
            <Link href="/account#notifications">notification settings</Link>.
          </p>
        </>
      )}
    </main>
  );
}
