"use client";

/**
 * Scrolls `element` into view and keeps it there while the page above it settles (islands that
 * load late change the height of what comes before), until the visitor scrolls, types or clicks,
 * or `settleMs` has passed. Returns a function that stops watching.
 */
export function landOn(element: HTMLElement, settleMs = 2_000): () => void {
  // Instant: a smooth scroll (globals.css) would head for where the element was when it began.
  const place = () => element.scrollIntoView({ block: "start", behavior: "instant" });
  place();
  let lastTop = element.getBoundingClientRect().top;
  const observer = new ResizeObserver(() => {
    const top = element.getBoundingClientRect().top;
    if (Math.abs(top - lastTop) > 2) place();
    lastTop = element.getBoundingClientRect().top;
  });
  observer.observe(document.body);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of EVENTS) window.removeEventListener(type, stop);
  };
  const timer = setTimeout(stop, settleMs);
  for (const type of EVENTS) window.addEventListener(type, stop, { passive: true, once: true });
  return stop;
}

const EVENTS = ["wheel", "touchstart", "keydown", "mousedown"] as const;
