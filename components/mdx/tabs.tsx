"use client";

import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { useRovingTabs } from "@/components/ui/roving-tabs";

type TabProps = { label: string; children?: ReactNode };

/** One panel of <Tabs>; rendered by Tabs. */
export function Tab({ children }: TabProps) {
  return <>{children}</>;
}

/** Tabs following the WAI-ARIA pattern: arrow keys, Home and End move between tabs. */
export function Tabs({ children }: { children?: ReactNode }) {
  const tabs = Children.toArray(children).filter(
    (c): c is ReactElement<TabProps> => isValidElement(c) && typeof (c.props as TabProps).label === "string",
  );
  const roving = useRovingTabs(tabs.length);
  return (
    <div className="tabs my-6">
      <div {...roving.tabList()} className="flex gap-1 overflow-x-auto border-b border-[var(--border)]">
        {tabs.map((tab, i) => (
          <button key={tab.props.label} {...roving.tab(i)}>
            {tab.props.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div key={tab.props.label} {...roving.panel(i)} className="pt-2">
          {tab.props.children}
        </div>
      ))}
    </div>
  );
}
