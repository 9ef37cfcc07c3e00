"use client";

import { useEffect, useState } from "react";
import type { Heading } from "@/lib/content/schema";

/** Event the TOC dispatches when the section being read changes (the visit tracker listens). */
export const SECTION_EVENT = "lectern:section";

/** The lesson's table of contents; marks the section being read while scrolling. */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    const elements = headings
      .map((h) => document.getElementById(h.id))
      .filter((e): e is HTMLElement => e !== null);
    if (elements.length === 0) return;
    const update = () => {
      // Headings land 5rem below the top (scroll-margin-top, under the sticky header).
      const offset = 96;
      let current: string | null = null;
      for (const el of elements) {
        if (el.getBoundingClientRect().top - offset <= 0) current = el.id;
        else break;
      }
      setActive((prev) => {
        if (prev !== current) window.dispatchEvent(new CustomEvent(SECTION_EVENT, { detail: current }));
        return current;
      });
    };
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
    };
  }, [headings]);

  return (
    <nav aria-label="On this page" className="toc text-sm">
      <p className="mb-2 font-semibold">On this page</p>
      <ul className="space-y-1.5 border-l border-[var(--border)]">
        {headings.map((h) => (
          <li key={h.id} className={h.depth === 3 ? "pl-6" : "pl-3"}>
            <a
              href={`#${h.id}`}
              aria-current={active === h.id ? "location" : undefined}
              className={`-ml-px block border-l-2 pl-2 no-underline ${active === h.id ? "border-brand-600 font-medium text-[var(--fg)] dark:border-brand-300" : "border-transparent text-[var(--fg-muted)] hover:text-[var(--fg)]"}`}
            >
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
