"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A mail's HTML body, shown on request in an empty sandbox (no scripts, no forms, an origin of
 * its own), whatever the HTML holds. The text body above it works without JavaScript.
 */
export function MailPreview({ html, subject }: { html: string; subject: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-8">
      <Button variant="secondary" size="sm" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide the HTML version" : "Show the HTML version"}
      </Button>
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
