"use client";

import { type ComponentType, useEffect } from "react";
import { createRoot, type Root } from "react-dom/client";
import { type IslandName, islandLoaders } from "./registry";

let mounted = 0;

/** Marks its island's element once React committed it (tests and tools wait for that). */
function Mounted({ element }: { element: HTMLElement }) {
  useEffect(() => {
    element.dataset.islandMounted = "";
  }, [element]);
  return null;
}

/**
 * Mounts every island (<Island>) in `root`, server HTML that React did not hydrate: each one's
 * component is imported, then rendered from the JSON props beside it into its own React root,
 * which replaces the server's HTML of it, and is marked `data-island-mounted` once it is in.
 * Returns a function that unmounts them.
 */
export function mountIslands(root: Element): () => void {
  const roots: Root[] = [];
  let stopped = false;
  for (const element of root.querySelectorAll<HTMLElement>("[data-island]")) {
    const name = element.dataset.island as IslandName;
    if (!Object.hasOwn(islandLoaders, name) || element.parentElement?.closest("[data-island]")) continue;
    const props = JSON.parse(element.dataset.islandProps ?? "{}") as Record<string, unknown>;
    // Each root counts its useId()s from zero: a prefix of its own keeps ids unique on the page.
    const identifierPrefix = `i${++mounted}-`;
    void islandLoaders[name]().then((component) => {
      if (stopped) return;
      const Component = component as ComponentType<Record<string, unknown>>;
      const island = createRoot(element, { identifierPrefix });
      island.render(
        <>
          <Component {...props} />
          <Mounted element={element} />
        </>,
      );
      roots.push(island);
    });
  }
  return () => {
    stopped = true;
    // Unmounting a root while React renders (this runs in an effect's cleanup) is not allowed.
    queueMicrotask(() => {
      for (const island of roots) island.unmount();
    });
  };
}
