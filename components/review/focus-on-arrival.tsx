"use client";

import { useEffect } from "react";

/**
 * Moves focus to the element with `id` when the page arrives (after an answer, the verdict; after
 * a refused one, the message), so a keyboard or screen reader user starts there, not at the top.
 */
export function FocusOnArrival({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);
  return null;
}
