import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { NextPathSchema } from "@/lib/auth/schemas";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = NextPathSchema.parse((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <main className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 mb-6 text-[var(--fg-muted)]">Your progress in this browser comes with you.</p>
      <SignInForm next={next} />
    </main>
  );
}
