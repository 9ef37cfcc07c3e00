import { useId, useState } from "react";
import { type Approach, LESSON_REDUCTIONS, STACKS, type Stack, type StackId } from "@/lib/docker/size-data";
import { changeWord, reductionPercent } from "@/lib/docker/size-math";
import { type ChartBar, SizeChart } from "./size-chart";
import { HowComputed } from "./size-formula";
import { computeImpact, IMPACT_START, ImpactFieldset } from "./size-impact";
import { StackSizeTable } from "./size-stack-table";

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

/** Published figures per stack: a chart, the change between two approaches, what it means, a table on demand. */
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
    mark: a.id === from.id ? "before" : a.id === to.id ? "after" : undefined,
  }));
  const summary = `Bar chart of image sizes for ${stack.label}: ${stack.approaches
    .map((a) => `${a.figure.label} ${a.figure.display}${a.figure.estimate ? " (estimate)" : ""}`)
    .join("; ")}.`;

  const [pullFrom, pullTo] = impact.pulls.map((r) => (r.ok ? r : null));
  const status = reduction.ok
    ? `${stack.label}: ${to.figure.label} (${to.figure.display}) is ${changeWord(reduction) === "smaller" ? `~${reduction.display} smaller than` : `larger by ~${reduction.display} than`} ${from.figure.label} (${from.figure.display}).${pullFrom && pullTo ? ` Pull at ${inputs.bandwidth.trim()} Mbit/s: ${pullFrom.display} versus ${pullTo.display}.` : ""}`
    : reduction.error.message;

  const selectClass =
    "h-9 w-full min-w-0 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 text-sm";
  return (
    <div className="grid gap-4">
      <fieldset>
        <legend className="float-left mr-3 py-2.5 text-sm font-semibold">Stack</legend>
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

      <fieldset className="grid gap-3 rounded-lg border border-[var(--border)] p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">Compare two approaches</legend>
        {(["from", "to"] as const).map((side, i) => (
          <div key={side} className="grid gap-1">
            <label htmlFor={`${name}-${side}`} className="text-sm font-medium">
              {side === "from" ? "Before" : "After"}
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
                {changeWord(reduction) === "larger" ? "Larger by " : null}
                <strong className="text-2xl tabular-nums" data-testid="reduction">
                  ~{reduction.display}
                </strong>
                {changeWord(reduction) === "smaller" ? " smaller" : null}: {from.figure.display} →{" "}
                {to.figure.display}
              </p>
              <HowComputed lines={[{ derived: reduction }]} />
            </>
          ) : (
            <p className="text-red-700 dark:text-red-300">{reduction.error.message}</p>
          )}
        </div>
      </fieldset>

      <StackSizeTable stack={stack} />

      <ImpactFieldset
        inputs={inputs}
        onChange={setInputs}
        impact={impact}
        fromDisplay={from.figure.display}
        toDisplay={to.figure.display}
      />

      {/* For screen readers: the change and the pull times in one sentence, announced on change;
          sighted readers see the same figures above. */}
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}
