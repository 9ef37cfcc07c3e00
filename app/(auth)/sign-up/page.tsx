import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { NextPathSchema } from "@/lib/auth/schemas";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = NextPathSchema.parse((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <main className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-2 mb-6 text-[var(--fg-muted)]">
        Join the discussion under every lesson. The progress you made in this browser moves into your account.
      </p>
      <SignUpForm next={next} />
    </main>
  );
}
