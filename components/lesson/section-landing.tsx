"use client";

import { useEffect } from "react";
import { landOn } from "@/components/ui/land-on";
import { useLessonBodyVersion } from "./body-ready";

/**
 * Links to a section of the lesson (/lesson#heading, or a contents link) land on its heading.
 * The lesson's blocks are laid out only near the window (app/lesson.css, content-visibility), so
 * where a heading is lies on estimated heights until the blocks around it are shown: the
 * browser's own jump is short or long by what those blocks turn out to be. This keeps the heading
 * in place while they settle, as the discussion's links do (components/ui/land-on.ts).
 */
export function SectionLanding() {
  const bodyVersion = useLessonBodyVersion();
  useEffect(() => {
    void bodyVersion;
    let stop: (() => void) | undefined;
    const land = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (!target?.closest("[data-lesson-body]")) return;
      stop?.();
      stop = landOn(target);
    };
    land();
    window.addEventListener("hashchange", land);
    return () => {
      stop?.();
      window.removeEventListener("hashchange", land);
    };
  }, [bodyVersion]);
  return null;
}
