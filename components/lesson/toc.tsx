"use client";

import { useEffect } from "react";
import { landOn } from "@/components/ui/land-on";
import { useMenu } from "@/components/ui/menu";
import type { Heading } from "@/lib/content/schema";
import { useActiveSection } from "./active-section";

/** The lesson's headings as links, the one being read marked. */
function HeadingLinks({
  headings,
  active,
  onFollow,
}: {
  headings: Heading[];
  active: string | null;
  onFollow?: (id: string) => void;
}) {
  return (
    <ul className="space-y-1.5 border-l border-[var(--border)]">
      {headings.map((h) => (
        <li key={h.id} className={h.depth === 3 ? "pl-6" : "pl-3"}>
          <a
            href={`#${h.id}`}
            onClick={onFollow ? () => onFollow(h.id) : undefined}
            aria-current={active === h.id ? "location" : undefined}
            className="toc-link"
          >
            {h.text}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Keeps a followed heading in view while islands above it finish loading (their height changes). */
function followHeading(id: string) {
  requestAnimationFrame(() => {
    const target = document.getElementById(id);
    if (target) landOn(target);
  });
}

/** The lesson's table of contents (the wide screen's column); marks the section being read. */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  // This one is mounted on every screen size, so it is the one that tells the visit tracker.
  const active = useActiveSection(headings, { announce: true });
  return (
    <nav aria-label="On this page" className="toc text-sm">
      <p className="mb-2 font-semibold">On this page</p>
      <HeadingLinks headings={headings} active={active} onFollow={followHeading} />
    </nav>
  );
}

/**
 * The contents on narrower screens: a bar that stays under the header while reading, naming the
 * section being read; its button opens the list, and following a link closes it again.
 */
export function ContentsMenu({ headings }: { headings: Heading[] }) {
  const active = useActiveSection(headings);
  const menu = useMenu();
  const current = headings.find((h) => h.id === active);
  const { open, panel } = menu;
  // The list closes; the section stays in view while islands above it finish loading.
  const follow = (id: string) => {
    menu.close();
    followHeading(id);
  };
  // Opened far down a long lesson: the list starts at the section being read.
  useEffect(() => {
    if (open) panel.ref.current?.querySelector("[aria-current]")?.scrollIntoView({ block: "nearest" });
  }, [open, panel.ref]);
  return (
    <>
      <div className="contents-bar sticky top-14 z-20 -mx-4 mb-8 border-y border-[var(--border)] bg-[var(--bg)] px-4 sm:-mx-6 sm:px-6 xl:hidden">
        <button
          {...menu.button}
          className="flex h-10 w-full min-w-0 items-center gap-2 text-left text-sm font-medium"
        >
          <span className="shrink-0">On this page</span>
          {current ? (
            <span className="min-w-0 truncate font-normal text-[var(--fg-muted)]">· {current.text}</span>
          ) : null}
          <span aria-hidden="true" className="ml-auto shrink-0">
            {menu.open ? "▴" : "▾"}
          </span>
        </button>
        {/* Over the page, not in its flow: opening it must not push the lesson down under a reader
          who is about to jump to a section. */}
        <nav
          {...menu.panel}
          aria-label="On this page"
          className="absolute inset-x-0 top-full max-h-[60vh] overflow-y-auto border-b border-[var(--border)] bg-[var(--bg)] px-4 pt-1 pb-3 text-sm shadow-lg sm:px-6"
        >
          {/* Listed only while open: the page's HTML carries the contents once (the wide column's). */}
          {open ? <HeadingLinks headings={headings} active={active} onFollow={follow} /> : null}
        </nav>
      </div>
      {/* Without JavaScript the bar's button cannot open (lesson.css hides the bar): a plain list.
          Rendered here, in a client component, so the RSC payload carries the headings once. */}
      <noscript>
        <details className="mb-8 rounded-lg border border-[var(--border)] p-3 xl:hidden">
          <summary className="cursor-pointer text-sm font-medium">On this page</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {headings.map((h) => (
              <li key={h.id} className={h.depth === 3 ? "pl-4" : undefined}>
                <a href={`#${h.id}`}>{h.text}</a>
              </li>
            ))}
          </ul>
        </details>
      </noscript>
    </>
  );
}
