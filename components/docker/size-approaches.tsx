import { useId, useState } from "react";
import {
  type Approach,
  LESSON_REDUCTIONS,
  type RuntimeKind,
  STACKS,
  type Stack,
  type StackId,
} from "@/lib/docker/size-data";
import { reductionPercent } from "@/lib/docker/size-math";
import { type ChartBar, SizeChart } from "./size-chart";
import { HowComputed } from "./size-formula";
import { computeImpact, IMPACT_START, ImpactFieldset } from "./size-impact";

const RUNTIME_NAMES: Record<RuntimeKind, string> = {
  full: "full",
  slim: "slim",
  alpine: "Alpine",
  distroless: "distroless",
  scratch: "scratch",
  jdk: "JDK",
  "jre-alpine": "JRE Alpine",
};

/** The pair the lesson quotes for a stack, else the largest against the smallest. */
function defaultPair(stack: Stack): [string, string] {
  const quoted = LESSON_REDUCTIONS.find((r) => r.id === stack.id);
  const ids = stack.approaches.map((a) => a.id);
  if (quoted && ids.includes(quoted.from.id) && ids.includes(quoted.to.id))
    return [quoted.from.id, quoted.to.id];
  const sorted = [...stack.approaches].sort((a, b) => b.figure.mb - a.figure.mb);
  return [sorted[0]?.id ?? "", sorted[sorted.length - 1]?.id ?? ""];
}

type Props = { initialStack: StackId };

/** Published figures per stack: a chart, a table, a reduction between two approaches and what it means. */
export function ApproachPanel({ initialStack }: Props) {
  const [stackId, setStackId] = useState<StackId>(initialStack);
  const stack = STACKS.find((s) => s.id === stackId) ?? (STACKS[0] as Stack);
  const [pair, setPair] = useState(() => defaultPair(stack));
  const [inputs, setInputs] = useState(IMPACT_START);
  const name = useId();

  const from = stack.approaches.find((a) => a.id === pair[0]) ?? (stack.approaches[0] as Approach);
  const to =
    stack.approaches.find((a) => a.id === pair[1]) ??
    (stack.approaches[stack.approaches.length - 1] as Approach);
  const reduction = reductionPercent(from.figure.mb, to.figure.mb);

  const impact = computeImpact(from.figure.mb, to.figure.mb, inputs);

  const bars: ChartBar[] = stack.approaches.map((a) => ({
    id: a.id,
    label: a.figure.label,
    mb: a.figure.mb,
    display: a.figure.display,
    build: a.build,
    estimate: a.figure.estimate,
    mark: a.id === from.id ? "from" : a.id === to.id ? "to" : undefined,
  }));
  const summary = `Bar chart of image sizes for ${stack.label}: ${stack.approaches
    .map((a) => `${a.figure.label} ${a.figure.display}${a.figure.estimate ? " (estimate)" : ""}`)
    .join("; ")}.`;

  const [pullFrom, pullTo] = impact.pulls.map((r) => (r.ok ? r : null));
  const status = reduction.ok
    ? `${stack.label}: ${to.figure.label} (${to.figure.display}) is ~${reduction.display} ${reduction.value >= 0 ? "smaller" : "larger"} than ${from.figure.label} (${from.figure.display}).${pullFrom && pullTo ? ` Pull at ${inputs.bandwidth.trim()} Mbit/s: ${pullFrom.display} versus ${pullTo.display}.` : ""}`
    : reduction.error.message;

  const selectClass =
    "h-9 w-full min-w-0 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 text-sm";
  return (
    <div className="grid gap-5">
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Stack</legend>
        <div className="inline-flex flex-wrap gap-1 rounded-lg border border-[var(--border)] p-1">
          {STACKS.map((s) => (
            <label
              key={s.id}
              className="relative cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium text-[var(--fg-muted)] has-checked:bg-brand-600 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500 hover:text-[var(--fg)] has-checked:hover:text-white"
            >
              <input
                type="radio"
                name={`${name}-stack`}
                value={s.id}
                checked={s.id === stack.id}
                onChange={() => {
                  setStackId(s.id);
                  setPair(defaultPair(s));
                }}
                className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
              />
              {s.label}
            </label>
          ))}
        </div>
      </fieldset>

      <SizeChart bars={bars} summary={summary} />

      <div className="table-wrap">
        <table>
          <caption className="sr-only">Image sizes for {stack.label}, the same numbers as the chart</caption>
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
                    {a.build === "single-stage" ? "Single-stage" : "Multi-stage"}, {RUNTIME_NAMES[a.runtime]}
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

      <fieldset className="grid gap-3 rounded-lg border border-[var(--border)] p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">Compare two approaches</legend>
        {(["from", "to"] as const).map((side, i) => (
          <div key={side} className="grid gap-1">
            <label htmlFor={`${name}-${side}`} className="text-sm font-medium">
              {side === "from" ? "From (before)" : "To (after)"}
            </label>
            <select
              id={`${name}-${side}`}
              value={pair[i]}
              onChange={(event) =>
                setPair(i === 0 ? [event.target.value, pair[1]] : [pair[0], event.target.value])
              }
              className={selectClass}
            >
              {stack.approaches.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.figure.label} ({a.figure.display}
                  {a.figure.estimate ? ", estimate" : ""})
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="sm:col-span-2">
          {reduction.ok ? (
            <>
              <p className="text-lg">
                <strong className="text-2xl tabular-nums" data-testid="reduction">
                  ~{reduction.display}
                </strong>{" "}
                {reduction.value >= 0 ? "smaller" : "larger"}: {from.figure.display} → {to.figure.display}
              </p>
              <HowComputed lines={[{ derived: reduction }]} />
            </>
          ) : (
            <p className="text-red-700 dark:text-red-300">{reduction.error.message}</p>
          )}
        </div>
      </fieldset>

      <ImpactFieldset
        inputs={inputs}
        onChange={setInputs}
        impact={impact}
        fromDisplay={from.figure.display}
        toDisplay={to.figure.display}
      />

      <p role="status" className="rounded-md bg-[var(--bg-soft)] px-3 py-2 text-sm">
        {status}
      </p>
    </div>
  );
}
