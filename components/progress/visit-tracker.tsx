"use client";

import { useEffect } from "react";
import { SECTION_EVENT } from "@/components/lesson/active-section";
import { useCourseProgress } from "./learner-store";

/**
 * For a learner the server already knows: records the visit, and the section being read when
 * the page is hidden or left (sendBeacon). First-time visitors send nothing.
 */
export function VisitTracker({ course, lesson }: { course: string; lesson: string }) {
  const { data } = useCourseProgress(course);
  const known = data?.known ?? false;

  useEffect(() => {
    if (!known) return;
    let section: string | null = null;
    const send = (body: object) =>
      navigator.sendBeacon(
        "/api/learner/visit",
        new Blob([JSON.stringify({ course, lesson, ...body })], { type: "application/json" }),
      );
    send({});
    const onSection = (e: Event) => {
      section = (e as CustomEvent<string | null>).detail;
    };
    const onHide = () => {
      if (section) send({ section });
    };
    const onVisibility = () => document.visibilityState === "hidden" && onHide();
    window.addEventListener(SECTION_EVENT, onSection);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener(SECTION_EVENT, onSection);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onHide);
      if (section) send({ section });
    };
  }, [known, course, lesson]);

  return null;
}
