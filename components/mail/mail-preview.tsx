"use client";

import { useState } from "react";

/**
 * A mail's HTML body, shown on request in an empty sandbox (no scripts, no forms, an origin of
 * its own), whatever the HTML holds. The text body above it works without JavaScript.
 */
export function MailPreview({ html, subject }: { html: string; subject: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-8">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="rounded-md border border-[var(--border)] px-3 py-1.5 text-sm font-medium hover:bg-[var(--bg-soft)]"
      >
        {open ? "Hide the HTML version" : "Show the HTML version"}
      </button>
      {open ? (
        <iframe
          title={`HTML version of “${subject}”`}
          sandbox=""
          srcDoc={html}
          className="mt-3 h-[32rem] w-full rounded-lg border border-[var(--border)] bg-white"
        />
      ) : null}
    </div>
  );
}
