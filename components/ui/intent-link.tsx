"use client";

import Link from "next/link";
import { type ComponentProps, useState } from "react";

/**
 * A `<Link>` that prefetches its page when the reader reaches for it (pointer over it, touch,
 * keyboard focus) instead of when it scrolls into view. For the links every page shows while it
 * loads (the header's): viewport prefetching fetched and parsed their payloads during the load of
 * every page, main-thread work a reader pays whether or not they follow one (decision 036).
 */
export function IntentLink({ onPointerEnter, onTouchStart, onFocus, ...props }: ComponentProps<typeof Link>) {
  const [wanted, setWanted] = useState(false);
  return (
    <Link
      {...props}
      prefetch={wanted ? null : false}
      onPointerEnter={(event) => {
        setWanted(true);
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        setWanted(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setWanted(true);
        onFocus?.(event);
      }}
    />
  );
}
