"use client";

import { useEffect, useRef, useState } from "react";
import { mountIslands } from "@/components/islands/mount";
// The browser build gets an empty stand-in for this (next.config.mjs): it renders on the server only.
import LessonBodyHtml from "@/components/lesson/lesson-body-html";
import { announceLessonBody } from "./body-ready";

const bodySelector = (bodyKey: string) => `[data-lesson-body="${CSS.escape(bodyKey)}"]`;

/** The body of the lesson page at `/courses/<bodyKey>`, from its prerendered HTML. */
async function fetchLessonBody(bodyKey: string): Promise<string> {
  const response = await fetch(`/courses/${bodyKey}`, { headers: { Accept: "text/html" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const body = page.querySelector(bodySelector(bodyKey));
  if (!body) throw new Error("The page holds no lesson body");
  return body.innerHTML;
}

/**
 * The lesson's text: server HTML sent once. On the server it renders the lesson (handed over by
 * the page, components/lesson/body-handoff.ts) with the one lesson renderer; the RSC payload
 * holds only this component and the key. In the browser React keeps that HTML as it is (the same
 * string, read back from the page) and only the islands in it are mounted. After a client-side
 * navigation there is no server HTML: the body is read from the lesson's prerendered page.
 */
export function LessonBody({ bodyKey }: { bodyKey: string }) {
  return typeof window === "undefined" ? (
    <LessonBodyHtml bodyKey={bodyKey} />
  ) : (
    <BrowserBody bodyKey={bodyKey} />
  );
}

function BrowserBody({ bodyKey }: { bodyKey: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [html, setHtml] = useState<string | null>(
    () => document.querySelector(bodySelector(bodyKey))?.innerHTML ?? null,
  );
  const [failed, setFailed] = useState(false);
  const fetched = useRef(false);

  useEffect(() => {
    if (html !== null) return;
    let cancelled = false;
    fetchLessonBody(bodyKey).then(
      (body) => {
        if (cancelled) return;
        fetched.current = true;
        setHtml(body);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [bodyKey, html]);

  useEffect(() => {
    const element = ref.current;
    if (html === null || !element) return;
    const unmount = mountIslands(element);
    announceLessonBody();
    // Arrived after a navigation to /lesson#section: the section was not there to scroll to.
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (fetched.current && hash) document.getElementById(hash)?.scrollIntoView();
    return unmount;
  }, [html]);

  if (failed)
    return (
      <div className="lesson-prose" role="alert">
        <p>
          This part could not be loaded. <a href={`/courses/${bodyKey}`}>Load it again</a>.
        </p>
      </div>
    );
  return (
    <>
      {/* While it loads, the body holds a window's height (app/lesson.css), so what follows it
          (the pager, "Mark as complete") is out of reach instead of jumping away when it comes. */}
      {html === null ? (
        <p role="status" className="lesson-body-loading">
          Loading this part…
        </p>
      ) : null}
      <div
        ref={ref}
        className="lesson-prose"
        data-lesson-body={bodyKey}
        aria-busy={html === null ? true : undefined}
        // React keeps the server's HTML: this is the same string, so it never touches it.
        dangerouslySetInnerHTML={{ __html: html ?? "" }}
      />
    </>
  );
}
