"use client";

import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";

/** Unexpected errors land here; the message shown never includes the exception's text. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-red-700 uppercase dark:text-red-300">Error</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Something went wrong on our side</h1>
      <p className="mt-4 text-[var(--fg-muted)]">
        Nothing you did caused this. Try again; if it keeps happening, come back in a few minutes.
        {error.digest ? ` (Reference: ${error.digest})` : null}
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <Button type="button" onClick={reset} variant="primary">
          Try again
        </Button>
        <Link href="/" className={buttonClassName({ variant: "secondary" })}>
          Go to the catalog
        </Link>
      </div>
    </main>
  );
}
