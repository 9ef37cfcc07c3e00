import { CopyButton } from "./copy-button";
import { OpenInExplorer } from "./open-in-explorer";

type CodeBlockProps = {
  lang: string;
  label: string;
  title?: string;
  lineNumbers?: string;
  antipattern?: string;
  /** The highlighted `<code>` element (lib/content/highlight.ts): built from escaped text. */
  html: string;
};

/** A highlighted block (HTML from Shiki at build time) with its title and a copy button. */
export function CodeBlock({ lang, label, title, lineNumbers, antipattern, html }: CodeBlockProps) {
  const terminal = lang === "console" || lang === "bash" || lang === "sh" || lang === "shell";
  return (
    <figure
      data-code-block=""
      data-lang={lang}
      data-terminal={terminal ? "" : undefined}
      data-line-numbers={lineNumbers ? "" : undefined}
      data-antipattern={antipattern ? "" : undefined}
      className="code-block not-prose my-6 overflow-hidden rounded-lg border border-[var(--border)]"
    >
      <figcaption className="code-block-header flex items-center gap-2 border-b border-[var(--border)] px-3 py-1.5 text-sm">
        {terminal ? (
          <span className="flex gap-1.5" aria-hidden="true">
            <span className="size-2.5 rounded-full bg-[#ff5f57]" />
            <span className="size-2.5 rounded-full bg-[#febc2e]" />
            <span className="size-2.5 rounded-full bg-[#28c840]" />
          </span>
        ) : null}
        <span className="code-block-title truncate font-mono text-[0.8125rem]">{title ?? label}</span>
        {title ? <span className="sr-only">({label})</span> : null}
        {antipattern ? (
          <span className="shrink-0 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
            Bad practice
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          {lang === "dockerfile" || lang === "docker" ? <OpenInExplorer label={title ?? label} /> : null}
          <CopyButton label={title ?? `${label} code`} />
        </span>
      </figcaption>
      {/* Focusable so keyboard users can scroll wide code. */}
      <pre tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
