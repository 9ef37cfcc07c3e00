"use client";

import { useEffect, useState } from "react";
import type { Heading } from "@/lib/content/schema";
import { useLessonBodyVersion } from "./body-ready";

/** Event dispatched when the section being read changes (the visit tracker listens). */
export const SECTION_EVENT = "lectern:section";

/**
 * The id of the heading the reader has scrolled past last (null above the first one). With
 * `announce`, changes are also dispatched as SECTION_EVENT; only one caller on a page should.
 */
export function useActiveSection(headings: Heading[], { announce = false } = {}): string | null {
  const [active, setActive] = useState<string | null>(null);
  // The headings are in the lesson body, which may arrive after this mounted.
  const bodyVersion = useLessonBodyVersion();

  useEffect(() => {
    void bodyVersion;
    const elements = headings
      .map((h) => document.getElementById(h.id))
      .filter((e): e is HTMLElement => e !== null);
    if (elements.length === 0) return;
    const update = () => {
      // A heading counts once it reaches the band under the sticky header (its scroll margin).
      const offset = Number.parseFloat(getComputedStyle(elements[0]!).scrollMarginTop) + 16 || 96;
      let current: string | null = null;
      for (const el of elements) {
        if (el.getBoundingClientRect().top - offset <= 0) current = el.id;
        else break;
      }
      setActive((prev) => {
        if (announce && prev !== current)
          window.dispatchEvent(new CustomEvent(SECTION_EVENT, { detail: current }));
        return current;
      });
    };
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    // The first reading in the next frame, not in this effect: reading layout here would force a
    // layout of the whole lesson inside the hydration's commit, one long task with it.
    onScroll();
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
    };
  }, [headings, announce, bodyVersion]);

  return active;
}
