"use client";

import { useEffect } from "react";
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

const resets = new WeakMap<HTMLButtonElement, ReturnType<typeof setTimeout>>();

/** Shows (and tells screen readers through the status beside it) how a copy went, for 2 s. */
function show(button: HTMLButtonElement, state: "idle" | "copied" | "failed") {
  const text = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "";
  button.toggleAttribute("data-copied", state === "copied");
  const caption = button.querySelector("span");
  if (caption) caption.textContent = text || "Copy";
  const status = button.nextElementSibling;
  if (status?.getAttribute("role") === "status") status.textContent = text;
  clearTimeout(resets.get(button));
  if (state !== "idle")
    resets.set(
      button,
      setTimeout(() => show(button, "idle"), 2000),
    );
}

async function copyFrom(event: MouseEvent) {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>("button[data-copy-code]");
  const figure = button?.closest("[data-code-block]");
  if (!button || !figure) return;
  show(button, (await writeClipboard(codeBlockText(figure))) ? "copied" : "failed");
}

/**
 * The one click listener behind every code block's Copy button on the page (rendered once, by the
 * root layout): copies exactly the code of the button's block (./code-text.ts) and announces it.
 * A keyboard's Enter or Space on the button is a click too.
 */
export function CopyButtons() {
  useEffect(() => {
    const listener = (event: MouseEvent) => void copyFrom(event);
    document.addEventListener("click", listener);
    return () => document.removeEventListener("click", listener);
  }, []);
  return null;
}
