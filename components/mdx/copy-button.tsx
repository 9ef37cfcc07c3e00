"use client";

import { useRef, useState } from "react";
import { codeBlockText } from "./code-text";

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers and insecure origins: fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** Copies exactly the code of the surrounding block and announces it to screen readers. */
export function CopyButton({ label }: { label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const ref = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  return (
    <>
      <button
        ref={ref}
        type="button"
        className="code-block-button"
        aria-label={`Copy ${label}`}
        onClick={async () => {
          const figure = ref.current?.closest("[data-code-block]");
          if (!figure) return;
          const ok = await writeClipboard(codeBlockText(figure));
          setState(ok ? "copied" : "failed");
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setState("idle"), 2000);
        }}
      >
        <svg
          width="14"
          height="14"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          {state === "copied" ? <path d="M20 6 9 17l-5-5" /> : <path d="M8 8h11v13H8zM5 16H4V3h11v1" />}
        </svg>
        <span>{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}</span>
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </>
  );
}
