import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/recovery-forms";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="mt-2 mb-6 text-[var(--fg-muted)]">
        Enter the address you signed up with. We will email you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
    </main>
  );
}
