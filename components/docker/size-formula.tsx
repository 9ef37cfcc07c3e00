import type { Derived } from "@/lib/docker/size-math";

type Line = { label?: string; derived: Derived };

/** The expandable "How is this computed?" under a derived number: size-math's formula and caveat. */
export function HowComputed({ lines }: { lines: readonly Line[] }) {
  const notes = [...new Set(lines.map((l) => l.derived.note).filter(Boolean))];
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-[var(--link)] underline-offset-2 hover:underline">
        How is this computed?
      </summary>
      <ul className="mt-1 grid gap-1 pl-0">
        {lines.map((line, i) => (
          <li key={i} className="list-none">
            {line.label ? <span className="text-[var(--fg-muted)]">{line.label}: </span> : null}
            <code className="font-mono text-[0.8125rem] break-words">{line.derived.formula}</code>
          </li>
        ))}
      </ul>
      {notes.map((note) => (
        <p key={note} className="mt-1 text-[var(--fg-muted)]">
          {note}
        </p>
      ))}
    </details>
  );
}
