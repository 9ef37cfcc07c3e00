"use client";

import { type ComponentType, startTransition, useEffect } from "react";
import { createRoot, type Root } from "react-dom/client";
import { islandProps } from "./island-props";
import { type IslandName, islandLoaders } from "./registry";

let mounted = 0;

/** How far outside the window an island starts mounting: about a screen's scroll ahead. */
const AHEAD = "100% 0px";

/** Marks its island's element once React committed it (tests and tools wait for that). */
function Mounted({ element }: { element: HTMLElement }) {
  useEffect(() => {
    element.dataset.islandMounted = "";
  }, [element]);
  return null;
}

const whenIdle: (run: () => void) => void =
  typeof requestIdleCallback === "function"
    ? (run) => requestIdleCallback(run, { timeout: 3000 })
    : (run) => setTimeout(run, 50);

/**
 * Mounts every island (<Island>) in `root`, server HTML that React did not hydrate: each one's
 * component is imported, then rendered from the JSON props beside it into its own React root,
 * which replaces the server's HTML of it, and is marked `data-island-mounted` once it is in.
 *
 * Not all at once while the page loads: an island mounts when it comes within a screen of the
 * window or the reader presses or focuses something in it, and the others one by one when the
 * browser is idle after the page's load. Each renders as a transition, so
 * React yields to the browser every few milliseconds instead of blocking input for the whole
 * render (the server HTML stays until it commits). Returns a function that unmounts them.
 */
export function mountIslands(root: Element): () => void {
  const roots: Root[] = [];
  const waiting = new Set<HTMLElement>();
  let stopped = false;

  async function mount(element: HTMLElement) {
    if (stopped || !waiting.delete(element)) return;
    for (const [box, island] of islandOf) if (island === element) observer.unobserve(box);
    const name = element.dataset.island as IslandName;
    const props = islandProps(element);
    // Each root counts its useId()s from zero: a prefix of its own keeps ids unique on the page.
    const identifierPrefix = `i${++mounted}-`;
    const Component = (await islandLoaders[name]()) as ComponentType<Record<string, unknown>>;
    if (stopped) return;
    const island = createRoot(element, { identifierPrefix });
    roots.push(island);
    startTransition(() =>
      island.render(
        <>
          <Component {...props} />
          <Mounted element={element} />
        </>,
      ),
    );
  }

  // An island's element is `display: contents` (it has no box, so it never intersects anything):
  // what is watched is the boxes inside it, its server HTML, each mapped back to its island.
  const islandOf = new Map<Element, HTMLElement>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const island = islandOf.get(entry.target);
        if (entry.isIntersecting && island) void mount(island);
      }
    },
    { rootMargin: AHEAD },
  );
  for (const element of root.querySelectorAll<HTMLElement>("[data-island]")) {
    const name = element.dataset.island as IslandName;
    if (!Object.hasOwn(islandLoaders, name) || element.parentElement?.closest("[data-island]")) continue;
    waiting.add(element);
    for (const box of element.children.length > 0 ? element.children : [element]) {
      islandOf.set(box, element);
      observer.observe(box);
    }
  }
  // A reader who reaches an island before it mounted (a tap, a click, Tab) starts it at once.
  const onReach = (event: Event) => {
    for (const island of waiting) if (island.contains(event.target as Node)) void mount(island);
  };
  root.addEventListener("pointerdown", onReach, { capture: true, passive: true });
  root.addEventListener("focusin", onReach, { capture: true });
  // The rest, in document order, one per idle period once the page has loaded.
  const mountNext = () => {
    const [next] = waiting;
    if (!next || stopped) return;
    void mount(next).finally(() => whenIdle(mountNext));
  };
  if (document.readyState === "complete") whenIdle(mountNext);
  else window.addEventListener("load", () => whenIdle(mountNext), { once: true });

  return () => {
    stopped = true;
    observer.disconnect();
    root.removeEventListener("pointerdown", onReach, { capture: true });
    root.removeEventListener("focusin", onReach, { capture: true });
    // Unmounting a root while React renders (this runs in an effect's cleanup) is not allowed.
    queueMicrotask(() => {
      for (const island of roots) island.unmount();
    });
  };
}
