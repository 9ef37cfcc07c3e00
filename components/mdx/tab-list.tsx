"use client";

import { useEffect } from "react";
import { useRovingTabs } from "@/components/ui/roving-tabs";

/**
 * The tab list of a lesson's <Tabs> (./tabs.tsx): the panels are server HTML beside it, so the
 * selection shows and hides them by id.
 */
export function TabList({ base, labels }: { base: string; labels: string[] }) {
  const roving = useRovingTabs(labels.length, base);
  const { active } = roving;
  useEffect(() => {
    labels.forEach((_, i) => {
      const panel = document.getElementById(roving.panel(i).id);
      if (panel) panel.hidden = i !== active;
    });
  }, [labels, active, roving]);
  return (
    <div {...roving.tabList()} className="flex gap-1 overflow-x-auto border-b border-[var(--border)]">
      {labels.map((label, i) => (
        <button key={label} {...roving.tab(i)}>
          {label}
        </button>
      ))}
    </div>
  );
}
