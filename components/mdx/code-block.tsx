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
      {...(terminal ? { "data-terminal": "" } : {})}
      {...(lineNumbers ? { "data-line-numbers": "" } : {})}
      {...(antipattern ? { "data-antipattern": "" } : {})}
      className="code-block"
    >
      <figcaption className="code-block-header">
        {terminal ? (
          <span className="code-block-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
        ) : null}
        <span className="code-block-title">{title ?? label}</span>
        {title ? <span className="sr-only">{`(${label})`}</span> : null}
        {antipattern ? <span className="code-block-badge">Bad practice</span> : null}
        <span className="code-block-actions">
          {lang === "dockerfile" || lang === "docker" ? <OpenInExplorer label={title ?? label} /> : null}
          <CopyButton label={title ?? `${label} code`} />
        </span>
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll wide code (axe: scrollable-region-focusable) */}
      <pre tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
