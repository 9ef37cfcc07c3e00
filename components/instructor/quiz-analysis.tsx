import { InlineText } from "@/components/quiz/inline-text";
import type { QuizReport } from "@/lib/instructor/csv";
import type { ReviewFigures } from "@/lib/instructor/review-figures";
import type { QuestionAnalysis, Rate } from "@/lib/instructor/stats";
import { Bar, pct } from "./bar";

const rateText = (r: Rate) =>
  r.total === 0 ? "no answers yet" : `${pct(r.percent)} (${r.count} of ${r.total})`;

function Summary({ report }: { report: QuizReport }) {
  const a = report.analysis;
  const items = [
    ["Attempts", String(a.attempts)],
    ["Learners", String(a.learners)],
    ["Average score", pct(a.averagePercent)],
    ["Median score", pct(a.medianPercent)],
    [
      "Pass rate",
      a.passRate.total ? `${pct(a.passRate.percent)} (${a.passRate.count} of ${a.passRate.total})` : "—",
    ],
  ] as const;
  return (
    <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md bg-[var(--bg-soft)] px-3 py-2" data-stat={label}>
          <dt className="text-xs text-[var(--fg-muted)]">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The question on /review: learners who have it as a card, and how often they got it right by
 * interval (only intervals with answers: an empty row's text would push its bar out of line).
 */
function ReviewItem({ review }: { review: ReviewFigures }) {
  const answered = review.byInterval.filter((b) => b.right.total > 0);
  return (
    <div className="mt-3" data-review-figures="">
      <p className="text-sm font-medium">
        In review: {review.learners} {review.learners === 1 ? "learner" : "learners"}
        {answered.length === 0 && review.learners > 0 ? " · no review answers yet" : ""}
      </p>
      {answered.length > 0 ? (
        <div className="mt-1.5 grid gap-1.5">
          {answered.map((b) => (
            <Bar
              key={b.label}
              label={`Right after ${b.label}`}
              value={b.right.percent}
              text={rateText(b.right)}
              tone="muted"
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function QuestionItem({ q, review }: { q: QuestionAnalysis; review?: ReviewFigures }) {
  const wrong = q.choices?.filter((c) => !c.correct) ?? [];
  const mostPicks = Math.max(1, ...(q.choices ?? []).map((c) => c.picks));
  return (
    <li data-question-analysis={q.id} className="rounded-lg border border-[var(--border)] p-4">
      <p className="font-medium">
        <InlineText text={q.prompt} />
      </p>
      <p className="text-xs text-[var(--fg-muted)]">
        <code>{q.id}</code> · {q.type}
      </p>
      <div className="mt-3 grid gap-1.5">
        <Bar label="Correct, all attempts" value={q.allAttempts.percent} text={rateText(q.allAttempts)} />
        <Bar
          label="Correct, first attempts"
          value={q.firstAttempt.percent}
          text={rateText(q.firstAttempt)}
          tone="muted"
        />
      </div>
      {review ? <ReviewItem review={review} /> : null}
      {q.choices ? (
        <div className="mt-3">
          <p className="text-sm font-medium">
            Choices picked{wrong.some((c) => c.picks > 0) ? " (wrong choices are the misconceptions)" : ""}
          </p>
          <div className="mt-1.5 grid gap-1.5">
            {q.choices.map((c) => (
              <Bar
                key={c.id}
                label={
                  <span data-choice={c.correct ? "correct" : "wrong"}>
                    {c.correct ? "✓ " : "✗ "}
                    <InlineText text={c.text} />
                    <span className="sr-only">{c.correct ? " (correct)" : " (wrong)"}</span>
                  </span>
                }
                value={c.picks}
                max={mostPicks}
                text={`${c.picks} ${c.picks === 1 ? "pick" : "picks"}${c.percent === null ? "" : ` (${c.percent}%)`}`}
                tone={c.correct ? "brand" : "warn"}
              />
            ))}
          </div>
        </div>
      ) : null}
    </li>
  );
}

function FiguresTable({ report }: { report: QuizReport }) {
  const a = report.analysis;
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium">Figures as a table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">
            Questions of {a.title}, Part {report.part}, hardest first
          </caption>
          <thead>
            <tr className="border-b border-[var(--border)]">
              <th scope="col" className="py-1 pr-3">
                Question
              </th>
              <th scope="col" className="py-1 pr-3">
                Type
              </th>
              <th scope="col" className="py-1 pr-3">
                Correct, first attempts
              </th>
              <th scope="col" className="py-1 pr-3">
                Correct, all attempts
              </th>
              <th scope="col" className="py-1">
                Most picked wrong choice
              </th>
            </tr>
          </thead>
          <tbody>
            {a.questions.map((q) => {
              const top = [...(q.choices ?? [])]
                .filter((c) => !c.correct)
                .sort((x, y) => y.picks - x.picks)[0];
              return (
                <tr key={q.id} className="border-b border-[var(--border)] align-top">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    <InlineText text={q.prompt} />
                  </th>
                  <td className="py-1 pr-3">{q.type}</td>
                  <td className="py-1 pr-3 tabular-nums">{rateText(q.firstAttempt)}</td>
                  <td className="py-1 pr-3 tabular-nums">{rateText(q.allAttempts)}</td>
                  <td className="py-1">
                    {top && top.picks > 0 ? (
                      <>
                        <InlineText text={top.text} /> ({top.picks})
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** One quiz's item analysis: summary figures, questions hardest first with bars, and a table. */
export function QuizAnalysisSection({
  report,
  lessonTitle,
  review = {},
}: {
  report: QuizReport;
  lessonTitle: string;
  /** Per question id, its figures from /review. */
  review?: Record<string, ReviewFigures>;
}) {
  const a = report.analysis;
  const headingId = `quiz-${report.lesson}-${a.quizId}`;
  return (
    <section
      aria-labelledby={headingId}
      data-quiz-analysis={`${report.lesson}/${a.quizId}`}
      className="mt-10 border-t border-[var(--border)] pt-6"
    >
      <h2 id={headingId} className="text-xl font-semibold">
        Part {report.part}: {lessonTitle}
      </h2>
      <p className="text-sm text-[var(--fg-muted)]">
        {a.title} · <code>{a.quizId}</code> · current version <code>{a.version}</code> · pass mark{" "}
        {a.passPercent}%
      </p>
      <Summary report={report} />
      {a.olderVersions.length > 0 ? (
        <div className="mt-3 text-sm" data-older-versions="">
          <p>Attempts on older versions (counted apart, not mixed in above):</p>
          <ul className="list-disc pl-5">
            {a.olderVersions.map((o) => (
              <li key={o.version}>
                version <code>{o.version}</code>: {o.attempts} {o.attempts === 1 ? "attempt" : "attempts"} by{" "}
                {o.learners} {o.learners === 1 ? "learner" : "learners"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {a.attempts === 0 ? (
        <p className="mt-4 text-[var(--fg-muted)]">No attempts on the current version yet.</p>
      ) : (
        <>
          <h3 className="mt-6 font-semibold">Questions, hardest first</h3>
          <ol className="mt-2 grid list-none gap-3 pl-0">
            {a.questions.map((q) => (
              <QuestionItem key={q.id} q={q} review={review[q.id]} />
            ))}
          </ol>
          <FiguresTable report={report} />
        </>
      )}
    </section>
  );
}

/** Whether anyone has taken the quiz, on its current version or an older one. */
export function isTaken(report: QuizReport): boolean {
  return report.analysis.attempts > 0 || report.analysis.olderVersions.length > 0;
}

/** Quizzes nobody has taken: one line each, instead of a section of empty figures. */
export function UntakenQuizzes({ reports }: { reports: (QuizReport & { lessonTitle: string })[] }) {
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="untaken-quizzes" className="mt-10 border-t border-[var(--border)] pt-6">
      <h2 id="untaken-quizzes" className="text-xl font-semibold">
        Not taken yet
      </h2>
      <ul className="mt-3 grid list-none gap-1.5 pl-0">
        {reports.map((r) => (
          <li
            key={`${r.lesson}/${r.analysis.quizId}`}
            data-quiz-analysis={`${r.lesson}/${r.analysis.quizId}`}
            data-no-attempts=""
          >
            Part {r.part}: {r.lessonTitle} — {r.analysis.title}{" "}
            <span className="text-[var(--fg-muted)]">
              (<code>{r.analysis.quizId}</code>): no attempts yet
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
