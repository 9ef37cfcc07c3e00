"use client";

import { useRef, useSyncExternalStore } from "react";
import {
  hasStageExplorer,
  openInStageExplorer,
  subscribeStageExplorer,
} from "@/components/docker/explorer-bridge";
import { codeBlockText } from "./code-text";

const noExplorer = () => false;

/**
 * Loads the surrounding Dockerfile block into the page's stage explorer. Renders nothing on the
 * server and on pages without an explorer, so prerendered HTML is the same either way.
 */
export function OpenInExplorer({ label }: { label: string }) {
  const available = useSyncExternalStore(subscribeStageExplorer, hasStageExplorer, noExplorer);
  const ref = useRef<HTMLButtonElement>(null);
  if (!available) return null;
  return (
    <button
      ref={ref}
      type="button"
      className="code-block-button"
      aria-label={`Open in stage explorer: ${label}`}
      onClick={() => {
        const figure = ref.current?.closest("[data-code-block]") ?? null;
        if (!figure) return;
        openInStageExplorer({
          text: codeBlockText(figure),
          title: label,
          source: figure,
          opener: ref.current,
        });
      }}
    >
      <svg
        width="14"
        height="14"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <rect x="3" y="3" width="7" height="5" rx="1" />
        <rect x="14" y="16" width="7" height="5" rx="1" />
        <path d="M6.5 8v5.5h11V16" />
      </svg>
      <span className="hidden sm:inline">Open in stage explorer</span>
      <span className="sm:hidden">Explorer</span>
    </button>
  );
}
