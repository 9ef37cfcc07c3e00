import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { NextPathSchema } from "@/lib/auth/schemas";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  const params = await searchParams;
  const next = NextPathSchema.parse(params.next);
  if (await getSessionUser()) redirect(next);
  return (
    <main className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 mb-6 text-[var(--fg-muted)]">Your progress in this browser comes with you.</p>
      {params.reset === "done" ? (
        <div className="mb-6">
          <Notice tone="success">
            <p>Your password was changed and every browser was signed out. Sign in with the new password.</p>
          </Notice>
        </div>
      ) : null}
      <SignInForm next={next} />
    </main>
  );
}
