"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { useMenu } from "@/components/ui/menu";
import { refetchAllVisitorData, refetchVisitorData, useVisitorData } from "@/components/ui/visitor-data";
import { signOutAction } from "@/lib/account/actions";

export type Me = { user: { name: string; role: string; staff: boolean; verified: boolean } | null };

/** The signed-in user's menu, or a "Sign in" link that returns to this page. */
export function AccountMenu() {
  const { status, data } = useVisitorData<Me>("/api/me");
  const pathname = usePathname();
  const seen = useRef<string | null | undefined>(undefined);
  const menu = useMenu();

  // Signing in or out ends with a client-side navigation: ask again who is here, and when the
  // answer changes, refresh everything else that belongs to the visitor (progress, threads).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose
  useEffect(() => {
    if (seen.current !== undefined) void refetchVisitorData("/api/me");
  }, [pathname]);
  const who = status === "ready" ? (data?.user?.name ?? null) : undefined;
  useEffect(() => {
    if (who === undefined) return;
    if (seen.current !== undefined && seen.current !== who) void refetchAllVisitorData();
    seen.current = who;
  }, [who]);
  const signIn = (
    <IntentLink
      href={`/sign-in?next=${encodeURIComponent(pathname)}`}
      className="inline-flex h-9 items-center rounded-md px-2 text-sm font-medium whitespace-nowrap text-[var(--fg)] no-underline hover:bg-[var(--bg-soft)]"
    >
      Sign in
    </IntentLink>
  );
  // The server's HTML is this loading state (who is here is asked from the browser): without
  // JavaScript nobody asks, so the plain link is the header's way in.
  if (status === "loading")
    return (
      <>
        <span className="inline-block h-9 w-16 noscript:hidden" aria-hidden="true" />
        <noscript>{signIn}</noscript>
      </>
    );
  const user = data?.user;
  if (!user) return signIn;
  return (
    <div className="relative min-w-0">
      <button
        {...menu.button}
        data-account-menu
        className="inline-flex h-9 max-w-[min(10rem,100%)] items-center gap-1 rounded-md px-2 text-sm font-medium hover:bg-[var(--bg-soft)]"
      >
        <span className="truncate">{user.name}</span>
        <span aria-hidden="true" className="shrink-0">
          ▾
        </span>
      </button>
      <div
        {...menu.panel}
        className="absolute right-0 z-40 mt-1 w-48 gap-1 rounded-lg border border-[var(--border)] bg-[var(--bg)] p-2 text-sm shadow-lg [&:not([hidden])]:grid"
      >
        <Link
          href="/account"
          className="rounded px-2 py-1.5 text-[var(--fg)] no-underline hover:bg-[var(--bg-soft)]"
        >
          Account
        </Link>
        {user.verified ? null : (
          <Link
            href="/account#email"
            className="rounded px-2 py-1.5 text-amber-800 no-underline hover:bg-[var(--bg-soft)] dark:text-amber-300"
          >
            Confirm your email
          </Link>
        )}
        {user.staff ? (
          <Link
            href="/moderation"
            className="rounded px-2 py-1.5 text-[var(--fg)] no-underline hover:bg-[var(--bg-soft)]"
          >
            Moderation
          </Link>
        ) : null}
        {user.role === "admin" ? (
          <Link
            href="/admin/outbox"
            className="rounded px-2 py-1.5 text-[var(--fg)] no-underline hover:bg-[var(--bg-soft)]"
          >
            Outbox
          </Link>
        ) : null}
        {user.staff ? (
          <Link
            href="/instructor"
            className="rounded px-2 py-1.5 text-[var(--fg)] no-underline hover:bg-[var(--bg-soft)]"
          >
            Instructor
          </Link>
        ) : null}
        <form
          action={async () => {
            await signOutAction();
            // A full load: every island on the page belonged to the signed-in person.
            window.location.assign("/");
          }}
        >
          <button type="submit" className="w-full rounded px-2 py-1.5 text-left hover:bg-[var(--bg-soft)]">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
