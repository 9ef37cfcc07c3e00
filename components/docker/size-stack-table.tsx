import type { RuntimeKind, Stack } from "@/lib/docker/size-data";

const RUNTIME_NAMES: Record<RuntimeKind, string> = {
  full: "full",
  slim: "slim",
  alpine: "Alpine",
  distroless: "distroless",
  scratch: "scratch",
  jdk: "JDK",
  "jre-alpine": "JRE Alpine",
};

/**
 * One stack's published sizes as a table, folded under the chart that shows the same numbers:
 * the base image of each approach, why an estimate is one, and the stack's notes.
 */
export function StackSizeTable({ stack }: { stack: Stack }) {
  return (
    <details className="rounded-lg border border-[var(--border)] px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">
        The sizes as a table, with base images, estimates and notes
      </summary>
      <div className="mt-3 grid gap-3">
        <div className="table-wrap">
          <table>
            <caption className="sr-only">
              Image sizes for {stack.label}, the same numbers as the chart
            </caption>
            <thead>
              <tr>
                <th scope="col">Approach and final image base</th>
                <th scope="col">Size</th>
              </tr>
            </thead>
            <tbody>
              {stack.approaches.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="bg-transparent font-normal">
                    <span className="block">
                      {a.build === "single-stage" ? "Single-stage" : "Multi-stage"},{" "}
                      {RUNTIME_NAMES[a.runtime]}
                    </span>
                    <code className="text-xs">{a.baseImage}</code>
                  </th>
                  <td>
                    {a.figure.estimate ? (
                      <details>
                        <summary className="cursor-pointer">
                          <span className="whitespace-nowrap">{a.figure.display}</span>{" "}
                          <span className="rounded bg-amber-100 px-1 text-xs font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
                            estimate
                          </span>
                        </summary>
                        <p className="mt-1 max-w-[36ch] text-sm whitespace-normal text-[var(--fg-muted)]">
                          {a.figure.basis}
                        </p>
                      </details>
                    ) : (
                      <span className="whitespace-nowrap">{a.figure.display}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {stack.approaches.some((a) => a.note) ? (
          <ul className="grid gap-1 pl-0 text-sm text-[var(--fg-muted)]">
            {stack.approaches
              .filter((a) => a.note)
              .map((a) => (
                <li key={a.id} className="list-none">
                  Note on {a.figure.label}: {a.note}
                </li>
              ))}
          </ul>
        ) : null}
        {stack.notOffered.length > 0 ? (
          <ul className="grid gap-1 pl-0 text-sm text-[var(--fg-muted)]">
            {stack.notOffered.map((n) => (
              <li key={n.runtime} className="list-none">
                Not offered for {stack.label}: <strong>{RUNTIME_NAMES[n.runtime]}</strong>. {n.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
