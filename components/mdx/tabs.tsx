import { Children, isValidElement, type ReactElement, type ReactNode, useId } from "react";
import { Island } from "@/components/islands/island";

type TabProps = { label: string; children?: ReactNode };

/** One panel of <Tabs>; rendered by Tabs. */
export function Tab({ children }: TabProps) {
  return <>{children}</>;
}

/**
 * Tabs following the WAI-ARIA pattern: arrow keys, Home and End move between tabs. The panels
 * are lesson content and stay server HTML; only the tab list is an island (./tab-list.tsx),
 * which shows and hides them.
 */
export function Tabs({ children }: { children?: ReactNode }) {
  const tabs = Children.toArray(children).filter(
    (c): c is ReactElement<TabProps> => isValidElement(c) && typeof (c.props as TabProps).label === "string",
  );
  const base = useId();
  return (
    <div className="tabs my-6">
      <Island name="tabs" props={{ base, labels: tabs.map((tab) => tab.props.label) }} />
      {tabs.map((tab, i) => (
        <div
          key={tab.props.label}
          role="tabpanel"
          // The ids useRovingTabs gives the panels of `base`, which the tab list controls.
          id={`${base}-panel-${i}`}
          aria-labelledby={`${base}-tab-${i}`}
          hidden={i !== 0}
          className="pt-2"
        >
          {tab.props.children}
        </div>
      ))}
    </div>
  );
}
