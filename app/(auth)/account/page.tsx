import type { Metadata } from "next";
import { redirect } from "next/navigation";
import {
  DeleteAccountForm,
  NameForm,
  PasswordForm,
  SignOutEverywhereForm,
} from "@/components/auth/account-forms";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const changed = (await searchParams).changed === "password";
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/account");
  const section = "rounded-xl border border-[var(--border)] p-5";
  return (
    <main className="mx-auto grid max-w-2xl gap-6 px-4 py-10 sm:px-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-2 text-[var(--fg-muted)]">
          Signed in as {user.email}
          {user.role !== "learner" ? ` (${user.role})` : ""}.
        </p>
      </div>
      <section aria-labelledby="name-title" className={section}>
        <h2 id="name-title" className="mb-3 text-lg font-semibold">
          Display name
        </h2>
        <NameForm name={user.name} />
      </section>
      <section aria-labelledby="password-title" className={section}>
        <h2 id="password-title" className="mb-3 text-lg font-semibold">
          Password
        </h2>
        {changed ? (
          <p
            role="status"
            className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
          >
            Password changed. Every other browser has been signed out.
          </p>
        ) : null}
        <PasswordForm />
      </section>
      <section aria-labelledby="sessions-title" className={section}>
        <h2 id="sessions-title" className="mb-3 text-lg font-semibold">
          Sessions
        </h2>
        <p className="mb-3 text-[var(--fg-muted)]">
          Signed in on a computer you no longer use? End every session, this one included.
        </p>
        <SignOutEverywhereForm />
      </section>
      <section aria-labelledby="delete-title" className={`${section} border-red-700/40`}>
        <h2 id="delete-title" className="mb-3 text-lg font-semibold">
          Delete account
        </h2>
        <DeleteAccountForm />
      </section>
    </main>
  );
}
