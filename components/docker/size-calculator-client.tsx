"use client";

import { type KeyboardEvent, type ReactNode, useId, useRef, useState, useSyncExternalStore } from "react";
import type { StackId } from "@/lib/docker/size-data";
import { ApproachPanel } from "./size-approaches";
import { CustomPanel } from "./size-custom";

const noop = () => () => {};
const MODES = ["Published sizes", "Your numbers"] as const;

/**
 * The interactive calculator. The server and the first (hydrating) render show `children`, the
 * lesson's figures as tables, so the page works without JavaScript; once mounted it switches to
 * the controls and keeps the tables in a collapsed reference.
 */
export function SizeCalculatorClient({
  initialStack,
  children,
}: {
  initialStack: StackId;
  children: ReactNode;
}) {
  const mounted = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  if (!mounted) return <>{children}</>;
  return (
    <div className="grid gap-5" data-interactive="">
      <ModeTabs initialStack={initialStack} />
      <details className="rounded-lg border border-[var(--border)] p-3">
        <summary className="cursor-pointer text-sm font-medium">
          All of this lesson’s size figures as tables
        </summary>
        <div className="mt-3">{children}</div>
      </details>
    </div>
  );
}

/** Tabs following the WAI-ARIA pattern, like components/mdx/tabs.tsx. */
function ModeTabs({ initialStack }: { initialStack: StackId }) {
  const [active, setActive] = useState(0);
  const id = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const last = MODES.length - 1;
    const next =
      event.key === "ArrowRight"
        ? active === last
          ? 0
          : active + 1
        : event.key === "ArrowLeft"
          ? active === 0
            ? last
            : active - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    refs.current[next]?.focus();
  };
  return (
    <div>
      <div
        role="tablist"
        aria-label="Calculator mode"
        className="flex gap-1 overflow-x-auto border-b border-[var(--border)]"
        onKeyDown={onKeyDown}
      >
        {MODES.map((mode, i) => (
          <button
            key={mode}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${id}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${i === active ? "border-brand-600 text-[var(--fg)] dark:border-brand-300" : "border-transparent text-[var(--fg-muted)] hover:text-[var(--fg)]"}`}
          >
            {mode}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-0`}
        aria-labelledby={`${id}-tab-0`}
        hidden={active !== 0}
        className="pt-4"
      >
        <ApproachPanel initialStack={initialStack} />
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-1`}
        aria-labelledby={`${id}-tab-1`}
        hidden={active !== 1}
        className="pt-4"
      >
        <CustomPanel />
      </div>
    </div>
  );
}
