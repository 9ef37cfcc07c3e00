import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import {
  DeleteAccountForm,
  NameForm,
  PasswordForm,
  SignOutEverywhereForm,
} from "@/components/auth/account-forms";
import { ChangeEmailForm, ResendVerificationForm } from "@/components/auth/email-forms";
import { FollowToggle } from "@/components/notifications/follow-toggle";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { Notice } from "@/components/ui/notice";
import { isStaff } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { getCatalog, getLessonEntry } from "@/lib/content/catalog";
import { env } from "@/lib/env";
import { followedDiscussions } from "@/lib/notifications/follows";
import { getNotificationChoices } from "@/lib/notifications/settings";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const changed = (await searchParams).changed === "password";
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/account");
  const section = "rounded-xl border border-[var(--border)] p-5";
  const [choices, follows] = await Promise.all([
    getNotificationChoices(user.id),
    followedDiscussions(user.id),
  ]);
  const courses = isStaff(user.role) ? getCatalog().map((c) => ({ slug: c.slug, title: c.title })) : [];
  return (
    <main className="mx-auto grid max-w-2xl gap-6 px-4 py-10 sm:px-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-2 text-[var(--fg-muted)]">
          Signed in as {user.email}
          {user.role !== "learner" ? ` (${user.role})` : ""}.
        </p>
      </div>
      <section aria-labelledby="email-title" id="email" className={`${section} scroll-mt-20`}>
        <h2 id="email-title" className="mb-3 text-lg font-semibold">
          Email address
        </h2>
        <p className="mb-3 break-words">
          {user.email}{" "}
          {user.emailVerified ? (
            <span className="text-sm font-medium text-emerald-800 dark:text-emerald-300">· confirmed</span>
          ) : (
            <span className="text-sm font-medium text-amber-800 dark:text-amber-300">
              · not confirmed yet
            </span>
          )}
        </p>
        {user.emailVerified ? null : (
          <div className="mb-5 grid gap-3">
            <Notice tone="warning">
              <p>
                Confirm your address to take part in the discussions and to get notifications: follow the link
                we emailed to you. Until then you can read, take quizzes and keep your progress.
              </p>
            </Notice>
            <ResendVerificationForm />
          </div>
        )}
        <details>
          <summary className="cursor-pointer font-medium">Change email address</summary>
          <div className="mt-3">
            <ChangeEmailForm />
          </div>
        </details>
      </section>
      <section aria-labelledby="notifications-title" id="notifications" className={`${section} scroll-mt-20`}>
        <h2 id="notifications-title" className="mb-3 text-lg font-semibold">
          Email notifications
        </h2>
        <NotificationSettingsForm
          replies={choices.replies}
          followed={choices.followed}
          courseDigests={choices.courseDigests}
          courses={courses}
          digestMinutes={env().MAIL_DIGEST_MINUTES}
          canMail={user.emailVerified}
        />
        <h3 className="mt-6 mb-2 font-semibold">Discussions you follow</h3>
        {follows.length === 0 ? (
          <p className="text-[var(--fg-muted)]">
            None yet. You follow a lesson&apos;s discussion when you comment there, or with its Follow button.
          </p>
        ) : (
          <ul className="grid gap-2">
            {follows.map((f) => {
              const entry = getLessonEntry(f.course, f.lesson);
              const title = entry ? `Part ${entry.lesson.part}: ${entry.lesson.title}` : f.lesson;
              return (
                <li
                  key={`${f.course}/${f.lesson}`}
                  className="flex flex-wrap items-center justify-between gap-2"
                >
                  <Link href={`/courses/${f.course}/${f.lesson}#discussion`} className="min-w-0 break-words">
                    {title}
                  </Link>
                  <FollowToggle course={f.course} lesson={f.lesson} following label={title} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
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
