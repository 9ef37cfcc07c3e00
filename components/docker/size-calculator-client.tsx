"use client";

import { useSyncExternalStore } from "react";
import { useRovingTabs } from "@/components/ui/roving-tabs";
import type { StackId } from "@/lib/docker/size-data";
import { ApproachPanel } from "./size-approaches";
import { CustomPanel } from "./size-custom";
import { SizeFigureTables } from "./size-figure-tables";

const noop = () => () => {};
const MODES = ["Published sizes", "Your numbers"] as const;

/**
 * The interactive calculator (an island). The server and a hydrating render show the lesson's
 * figures as tables, so the page works without JavaScript; once mounted it switches to the
 * controls and keeps the tables in a collapsed reference.
 */
export function SizeCalculatorClient({ initialStack }: { initialStack: StackId }) {
  const mounted = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  if (!mounted) return <SizeFigureTables />;
  return (
    <div className="grid gap-4" data-interactive="">
      <ModeTabs initialStack={initialStack} />
      <details className="rounded-lg border border-[var(--border)] p-3">
        <summary className="cursor-pointer text-sm font-medium">
          All of this lesson’s size figures as tables
        </summary>
        <div className="mt-3">
          <SizeFigureTables />
        </div>
      </details>
    </div>
  );
}

/** The two modes as tabs (WAI-ARIA, the same roving tabs as the lessons' <Tabs>). */
function ModeTabs({ initialStack }: { initialStack: StackId }) {
  const roving = useRovingTabs(MODES.length);
  return (
    <div>
      <div
        {...roving.tabList("Calculator mode")}
        className="flex gap-1 overflow-x-auto border-b border-[var(--border)]"
      >
        {MODES.map((mode, i) => (
          <button key={mode} {...roving.tab(i)}>
            {mode}
          </button>
        ))}
      </div>
      <div {...roving.panel(0)} className="pt-4">
        <ApproachPanel initialStack={initialStack} />
      </div>
      <div {...roving.panel(1)} className="pt-4">
        <CustomPanel />
      </div>
    </div>
  );
}
