// The layer cache view's report: the estimate, then per stage which steps BuildKit reuses and
// which it rebuilds, and the rules it goes by. The settings that produce it are stage-cache.tsx;
// the logic is lib/docker/cache.

import type { CacheReport, CacheStep } from "@/lib/docker/cache/layer-cache";

/** Most stages the report draws; a 256 KB paste can hold thousands. */
const STAGE_LIMIT = 50;

const STATE_TEXT: Record<CacheStep["state"] | "miss", { label: string; mark: string; classes: string }> = {
  reused: {
    label: "Reused",
    mark: "✓",
    classes: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  },
  miss: {
    label: "Cache miss",
    mark: "✕",
    classes: "bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100",
  },
  rebuilt: {
    label: "Rebuilds",
    mark: "↻",
    classes: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  },
  skipped: { label: "Skipped", mark: "–", classes: "bg-[var(--bg-soft)] text-[var(--fg-muted)]" },
};

function describeChange(report: CacheReport): string {
  const { change } = report;
  if (change.kind === "file") return `${change.path} changed`;
  if (change.kind === "arg") return `build-arg ${change.name} changed`;
  return "Nothing changed";
}

/** One-sentence estimate of the rebuild, for the summary and the live region. */
export function cacheSummary(report: CacheReport): string {
  const steps = `${report.rerun} of ${report.total} step${report.total === 1 ? "" : "s"}`;
  if (report.rerun === 0) return `${describeChange(report)}: every step is reused from the cache.`;
  const installs =
    report.installs.length === 0
      ? "no dependency install reruns"
      : `${report.installs.length === 1 ? "1 install reruns" : `${report.installs.length} installs rerun`} (${report.installs
          .map((i) => `line ${i.line}`)
          .join(", ")})`;
  return `${describeChange(report)}: ${steps} run again; ${installs}.`;
}

/** The report: estimate, then each stage's steps with their state and why. */
export function CacheReportView({
  report,
  headingLevel = 5,
  onSelectLine,
}: {
  report: CacheReport;
  headingLevel?: 4 | 5;
  onSelectLine?: (line: number) => void;
}) {
  const Heading = headingLevel === 4 ? "h4" : "h5";
  const excluded = report.context.filter((c) => c.excluded);
  const included = report.context.filter((c) => !c.excluded);
  return (
    <div className="grid gap-3" data-cache-report="">
      <p
        className="rounded-md border border-[var(--border)] bg-[var(--bg-soft)] px-3 py-2 text-sm"
        data-cache-summary=""
      >
        <strong>Rebuild estimate.</strong> {cacheSummary(report)}
        {report.installs.map((i) =>
          i.cacheMounts.length > 0 ? (
            <span key={i.line}>
              {" "}
              The install on line {i.line} keeps its cache mount ({i.cacheMounts.join(", ")}): last build’s
              downloads are still there.
            </span>
          ) : null,
        )}
      </p>
      {report.ignoredBy ? (
        <p className="text-sm">
          <code>{report.change.kind === "file" ? report.change.path : ""}</code> is kept out of the build
          context by .dockerignore line {report.ignoredBy.line} (<code>{report.ignoredBy.text}</code>):
          BuildKit never sees it, so changing it rebuilds nothing.
        </p>
      ) : null}
      {report.notes.map((note) => (
        <p key={note} className="text-sm">
          {note}
        </p>
      ))}
      {report.stages.slice(0, STAGE_LIMIT).map((stage) => {
        const rebuilt = stage.steps.filter((s) => s.state === "rebuilt").length;
        return (
          <section key={stage.index} className="grid gap-1.5" data-cache-stage={stage.name}>
            <Heading className="text-sm font-semibold">
              Stage {stage.name}
              <span className="font-normal text-[var(--fg-muted)]">
                {" "}
                —{" "}
                {stage.state === "skipped"
                  ? "skipped: the target does not need it"
                  : stage.steps.length === 0
                    ? stage.changed
                      ? "its base changed"
                      : "nothing to run"
                    : rebuilt === 0
                      ? "all reused"
                      : `${rebuilt} of ${stage.steps.length} rebuild`}
              </span>
            </Heading>
            {stage.steps.length > 0 ? (
              <ol className="grid gap-1 pl-0">
                {stage.steps.slice(0, 100).map((s, i) => {
                  const look = STATE_TEXT[s.cause ? "miss" : s.state];
                  // Say why once: at the miss, or at the first step when the stage's start changed.
                  const explain = s.cause || (s.state === "rebuilt" && i === 0);
                  return (
                    <li
                      key={s.line}
                      className="flex list-none flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm"
                      data-step-line={s.line}
                      data-step-state={s.cause ? "miss" : s.state}
                    >
                      <span
                        className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-semibold ${look.classes}`}
                      >
                        <span aria-hidden="true">{look.mark} </span>
                        {look.label}
                      </span>
                      {onSelectLine ? (
                        <button
                          type="button"
                          onClick={() => onSelectLine(s.line)}
                          className="rounded border border-[var(--border)] bg-[var(--bg)] px-1.5 font-mono text-xs text-[var(--link)] hover:bg-[var(--bg-soft)]"
                        >
                          Line {s.line}
                        </button>
                      ) : (
                        <span className="font-mono text-xs text-[var(--fg-muted)]">line {s.line}</span>
                      )}
                      <code className="min-w-0 break-all text-[0.8125rem]">{s.text}</code>
                      {explain ? <span className="basis-full text-[var(--fg-muted)]">{s.reason}</span> : null}
                      {s.cacheMounts.length > 0 && stage.state === "built" ? (
                        <span className="basis-full text-[var(--fg-muted)]">
                          Cache mount kept across builds: <code>{s.cacheMounts.join(", ")}</code>
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            ) : null}
          </section>
        );
      })}
      {report.stages.length > STAGE_LIMIT ? (
        <p className="text-sm text-[var(--fg-muted)]">
          …and {report.stages.length - STAGE_LIMIT} more stages not shown (the estimate above counts them
          all).
        </p>
      ) : null}
      {report.context.length > 0 ? (
        <div className="grid gap-1 text-sm" data-context-list="">
          <p className="font-medium">
            Build context: {included.length} file{included.length === 1 ? "" : "s"} sent, {excluded.length}{" "}
            kept out by .dockerignore
          </p>
          <ul className="grid gap-0.5 pl-0">
            {report.context.slice(0, 200).map((c) => (
              <li key={c.path} className="list-none" data-context-path={c.path} data-excluded={c.excluded}>
                <span className="font-semibold">{c.excluded ? "Kept out" : "Sent"}</span>{" "}
                <code>{c.path}</code>
                {c.rule ? (
                  <span className="text-[var(--fg-muted)]">
                    {" "}
                    (line {c.rule.line}: <code>{c.rule.text}</code>)
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** How the view decides, in the words the lesson uses. */
export function CacheRules() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-[var(--link)]">How BuildKit decides what to reuse</summary>
      <ul className="mt-1 grid list-disc gap-1 pl-5 text-[var(--fg-muted)]">
        <li>
          Each step is reused only if the step before it was. The first miss in a stage rebuilds it and every
          later step of that stage.
        </li>
        <li>
          <code>COPY</code> and <code>ADD</code> compare the contents of the files they copy (checksums, not
          dates). A changed file misses at the first step that copies it, or its folder, or a pattern like{" "}
          <code>package*.json</code>, or <code>.</code>.
        </li>
        <li>
          <code>RUN</code> compares only its command text: BuildKit never looks at what the command does.
        </li>
        <li>
          A stage built <code>FROM</code> a stage that rebuilt, or copying from it, rebuilds too (a{" "}
          <code>COPY --from</code> whose files come out byte-identical would still be reused).
        </li>
        <li>
          A changed build-arg misses at its first use, not at its <code>ARG</code> line: any <code>RUN</code>{" "}
          after the <code>ARG</code> (it sees build args as environment variables), or a step that expands{" "}
          <code>$NAME</code>. A global <code>ARG</code> reaches only <code>FROM</code> lines and stages that
          redeclare it.
        </li>
        <li>
          <code>RUN --mount=type=cache</code> keeps its folder between builds: an install that runs again
          reuses what it downloaded last time.
        </li>
        <li>
          A path the .dockerignore keeps out is not in the build context, so it cannot invalidate anything.
        </li>
        <li>Stages the target does not need are skipped.</li>
      </ul>
    </details>
  );
}
