"use client";

import { useEffect, useState } from "react";
import { THEME_STORAGE_KEY, type ThemeChoice } from "@/lib/theme/script";

const ORDER: ThemeChoice[] = ["system", "light", "dark"];
const LABEL: Record<ThemeChoice, string> = {
  system: "System theme",
  light: "Light theme",
  dark: "Dark theme",
};

function apply(choice: ThemeChoice) {
  const dark =
    choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

/** Cycles system → light → dark; the choice persists in localStorage. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice | null>(null);

  useEffect(() => {
    setChoice(readChoice());
    const media = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => readChoice() === "system" && apply("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);

  const current = choice ?? "system";
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;

  return (
    <button
      type="button"
      className="inline-flex h-9 items-center gap-2 rounded-md border border-[var(--border)] px-2.5 text-sm text-[var(--fg)] noscript:hidden hover:bg-[var(--bg-soft)]"
      aria-label={`${LABEL[current]} (switch to ${LABEL[next].toLowerCase()})`}
      data-theme-choice={current}
      onClick={() => {
        try {
          if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
          else localStorage.setItem(THEME_STORAGE_KEY, next);
        } catch {
          // Private mode without storage: the theme still switches for this page.
        }
        apply(next);
        setChoice(next);
      }}
    >
      <ThemeIcon choice={current} />
      <span className="hidden sm:inline">
        {current === "system" ? "Auto" : current === "light" ? "Light" : "Dark"}
      </span>
    </button>
  );
}

const ICON_PATHS: Record<ThemeChoice, string[]> = {
  light: [
    "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
    "M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
  ],
  dark: ["M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"],
  system: ["M5 4h14a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z", "M8 20h8M12 16v4"],
};

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      {ICON_PATHS[choice].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
