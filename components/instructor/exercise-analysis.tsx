import type { ExerciseReport } from "@/lib/instructor/exercise-item-analysis";
import { Bar, pct } from "./bar";

const SAMPLE =
  "mt-1 max-h-80 overflow-auto rounded-lg border border-[var(--border)] bg-[var(--code-bg)] p-3 font-mono text-xs";

/** One exercise's figures: summary, checks failed most, and anonymised submissions for the worst one. */
export function ExerciseAnalysisSection({ report }: { report: ExerciseReport }) {
  const a = report.analysis;
  const headingId = `exercise-${report.lesson}-${a.exerciseId}`;
  const stats = [
    ["Attempts", String(a.attempts)],
    ["Learners", String(a.learners)],
    ["Pass rate", a.learners ? `${pct(a.passRate.percent)} (${a.passRate.passed} of ${a.learners})` : "—"],
    ["Hint requests", String(a.hintRequests)],
    ["Median attempts to pass", a.medianAttemptsToPass === null ? "—" : String(a.medianAttemptsToPass)],
  ] as const;
  const worst = a.checks[0] && a.checks[0].failed > 0 ? a.checks[0] : null;
  return (
    <section
      aria-labelledby={headingId}
      className="mt-8 rounded-xl border border-[var(--border)] p-4 sm:p-5"
      data-exercise-analysis={a.exerciseId}
    >
      <p className="text-sm text-[var(--fg-muted)]">
        Part {report.part} ·{" "}
        <a href={`/courses/${report.course}/${report.lesson}#exercise-${a.exerciseId}`}>
          {report.lessonTitle}
        </a>{" "}
        · version {a.version}
      </p>
      <h2 id={headingId} className="text-xl font-semibold">
        {a.title}
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-md bg-[var(--bg-soft)] px-3 py-2" data-stat={label}>
            <dt className="text-xs text-[var(--fg-muted)]">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {a.olderAttempts > 0 ? (
        <p className="mt-2 text-sm text-[var(--fg-muted)]">
          {a.olderAttempts} {a.olderAttempts === 1 ? "attempt" : "attempts"} on earlier versions, not counted
          above.
        </p>
      ) : null}
      <h3 className="mt-5 font-semibold">Checks, most failed first</h3>
      <div className="mt-2 grid gap-1.5" data-checks="">
        {a.checks.map((c) => (
          <Bar
            key={c.id}
            label={c.description}
            value={c.failedPercent}
            text={
              a.attempts ? `${pct(c.failedPercent)} failed (${c.failed} of ${a.attempts})` : "no attempts yet"
            }
            tone="warn"
          />
        ))}
      </div>
      {worst && a.samples.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-medium">
            {a.samples.length} {a.samples.length === 1 ? "submission" : "submissions"} that failed “
            {worst.description}”
          </summary>
          {a.samples.map((s) => (
            <figure key={s.label} className="mt-3">
              <figcaption className="text-sm text-[var(--fg-muted)]">{s.label}</figcaption>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe scrollable-region-focusable) */}
              <pre tabIndex={0} className={SAMPLE}>
                {s.source}
              </pre>
            </figure>
          ))}
        </details>
      ) : null}
    </section>
  );
}
