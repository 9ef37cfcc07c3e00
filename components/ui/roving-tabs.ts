"use client";

import { type KeyboardEvent, useId, useRef, useState } from "react";

/** The key that moves focus from tab `active` of `count`, or null for any other key. */
export function nextTab(key: string, active: number, count: number): number | null {
  const last = count - 1;
  switch (key) {
    case "ArrowRight":
      return active === last ? 0 : active + 1;
    case "ArrowLeft":
      return active === 0 ? last : active - 1;
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** A tab's look: the selected one underlined in the brand colour. */
export const tabClassName = (selected: boolean) =>
  `-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${selected ? "border-brand-600 text-[var(--fg)] dark:border-brand-300" : "border-transparent text-[var(--fg-muted)] hover:text-[var(--fg)]"}`;

/**
 * Tabs following the WAI-ARIA pattern with a roving tabindex: only the selected tab is in the
 * tab order, and arrow keys, Home and End move the selection and the focus. Spread the props
 * onto the tablist, each tab (a button) and each panel. `idBase` names the tabs and panels when
 * they were rendered apart (a lesson's tabs: panels in the server HTML, the tab list an island).
 */
export function useRovingTabs(count: number, idBase?: string) {
  const [active, setActive] = useState(0);
  const generated = useId();
  const id = idBase ?? generated;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  return {
    active,
    /** Selects tab `i` from code (e.g. back to the first after a form was sent). */
    select: setActive,
    tabList: (label?: string) => ({
      role: "tablist" as const,
      "aria-label": label,
      onKeyDown(event: KeyboardEvent) {
        const next = nextTab(event.key, active, count);
        if (next === null) return;
        event.preventDefault();
        setActive(next);
        refs.current[next]?.focus();
      },
    }),
    tab: (i: number) => ({
      ref: (el: HTMLButtonElement | null) => {
        refs.current[i] = el;
      },
      type: "button" as const,
      role: "tab" as const,
      id: `${id}-tab-${i}`,
      "aria-selected": i === active,
      "aria-controls": `${id}-panel-${i}`,
      tabIndex: i === active ? 0 : -1,
      onClick: () => setActive(i),
      className: tabClassName(i === active),
    }),
    panel: (i: number) => ({
      role: "tabpanel" as const,
      id: `${id}-panel-${i}`,
      "aria-labelledby": `${id}-tab-${i}`,
      hidden: i !== active,
    }),
  };
}
