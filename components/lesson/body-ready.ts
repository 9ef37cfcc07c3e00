"use client";

import { useSyncExternalStore } from "react";

// Counts lesson bodies put into the page. Parts that look into the body (the contents' active
// section, search highlights) depend on it: after a client-side navigation the body arrives
// after they mounted.
let version = 0;
const listeners = new Set<() => void>();

/** Says that a lesson body is now in the page. */
export function announceLessonBody(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes whenever a lesson body was put into the page. */
export function useLessonBodyVersion(): number {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
}
