import type { CourseFunnel, Split } from "@/lib/instructor/funnel";
import { Bar } from "./bar";

const splitText = (s: Split) => `${s.total} (${s.signedUp} signed up, ${s.anonymous} anonymous)`;

/** A course's learners: started, completed each part (a funnel of bars) and finished, with a table. */
export function LearnerFunnel({
  course,
  title,
  funnel,
}: {
  course: string;
  title: string;
  funnel: CourseFunnel;
}) {
  const max = Math.max(1, funnel.started.total);
  const headingId = `learners-${course}`;
  return (
    <section aria-labelledby={headingId} data-funnel={course} className="mt-8">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        {(
          [
            ["Started the course", funnel.started],
            ["Completed the course", funnel.completedCourse],
          ] as const
        ).map(([label, s]) => (
          <div key={label} className="rounded-md bg-[var(--bg-soft)] px-3 py-2" data-stat={label}>
            <dt className="text-xs text-[var(--fg-muted)]">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{s.total}</dd>
            <dd className="text-sm text-[var(--fg-muted)]">
              {s.signedUp} signed up · {s.anonymous} anonymous
            </dd>
          </div>
        ))}
      </dl>

      <figure className="mt-6">
        <figcaption className="font-semibold">
          Completed each part (of {funnel.started.total} who started)
        </figcaption>
        <ol className="mt-3 grid list-none gap-3 pl-0">
          {funnel.parts.map((p) => (
            <li key={p.slug} data-part={p.part}>
              <p className="text-sm font-medium">
                Part {p.part}: {p.title}
                {p.published ? "" : " (not published)"}
              </p>
              <div className="mt-1 grid gap-1">
                <Bar
                  label="Signed up"
                  value={p.completed.signedUp}
                  max={max}
                  text={String(p.completed.signedUp)}
                />
                <Bar
                  label="Anonymous"
                  value={p.completed.anonymous}
                  max={max}
                  text={String(p.completed.anonymous)}
                  tone="muted"
                />
              </div>
            </li>
          ))}
        </ol>
      </figure>

      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-semibold">Learners per part</caption>
          <thead>
            <tr className="border-b border-[var(--border)]">
              <th scope="col" className="py-1 pr-3">
                Part
              </th>
              <th scope="col" className="py-1 pr-3">
                Started
              </th>
              <th scope="col" className="py-1">
                Completed
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.parts.map((p) => (
              <tr key={p.slug} className="border-b border-[var(--border)]" data-part-row={p.part}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  Part {p.part}: {p.title}
                </th>
                <td className="py-1 pr-3 tabular-nums">{splitText(p.started)}</td>
                <td className="py-1 tabular-nums">{splitText(p.completed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
