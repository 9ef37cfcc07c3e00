import {
  type MathResult,
  pullTimeSeconds,
  registryStorageMb,
  scaleOutTransferMb,
} from "@/lib/docker/size-math";
import { HowComputed } from "./size-formula";
import { NumberField, parseField } from "./size-number-field";

/** What the learner typed, kept as text so a half-typed number is never rewritten. */
export type ImpactInputs = { bandwidth: string; tags: string; nodes: string };

export const IMPACT_START: ImpactInputs = { bandwidth: "100", tags: "50", nodes: "10" };

/** Each cost for the "from" and the "to" image, as size-math returns it (a value or an error). */
export type Impact = { pulls: MathResult[]; storage: MathResult[]; transfer: MathResult[] };

/** Pull time, registry storage and scale-out transfer for two image sizes. */
export function computeImpact(fromMb: number, toMb: number, inputs: ImpactInputs): Impact {
  const bandwidth = parseField(inputs.bandwidth);
  const tags = parseField(inputs.tags);
  const nodes = parseField(inputs.nodes);
  return {
    pulls: [pullTimeSeconds(fromMb, bandwidth), pullTimeSeconds(toMb, bandwidth)],
    storage: [registryStorageMb(fromMb, tags), registryStorageMb(toMb, tags)],
    transfer: [scaleOutTransferMb(fromMb, nodes), scaleOutTransferMb(toMb, nodes)],
  };
}

/** size-math's message for one input, from whichever result reports it. */
function fieldError(results: MathResult[], field: string): string | undefined {
  for (const r of results) if (!r.ok && r.error.field === field) return r.error.message;
  return undefined;
}

type Props = {
  inputs: ImpactInputs;
  onChange: (inputs: ImpactInputs) => void;
  impact: Impact;
  fromDisplay: string;
  toDisplay: string;
};

/** "What it means": the inputs and a table of what the two sizes cost, the formulas folded under it. */
export function ImpactFieldset({ inputs, onChange, impact, fromDisplay, toDisplay }: Props) {
  const set = (key: keyof ImpactInputs) => (text: string) => onChange({ ...inputs, [key]: text });
  const rows = [
    {
      title: `Pull time at ${inputs.bandwidth.trim() || "?"} Mbit/s`,
      short: "Pull time",
      results: impact.pulls,
    },
    {
      title: `Registry storage for ${inputs.tags.trim() || "?"} tags`,
      short: "Storage",
      results: impact.storage,
    },
    {
      title: `Transfer to scale out to ${inputs.nodes.trim() || "?"} nodes`,
      short: "Transfer",
      results: impact.transfer,
    },
  ];
  const formulas = rows.flatMap(({ short, results }) => {
    const [from, to] = results;
    return from?.ok && to?.ok
      ? [
          { label: `${short}, before`, derived: from },
          { label: `${short}, after`, derived: to },
        ]
      : [];
  });
  return (
    <fieldset className="grid gap-3 rounded-lg border border-[var(--border)] p-3">
      <legend className="px-1 text-sm font-semibold">What it means</legend>
      <div className="grid grid-cols-3 gap-x-3 gap-y-3">
        <NumberField
          label="Bandwidth"
          unit="Mbit/s"
          value={inputs.bandwidth}
          onChange={set("bandwidth")}
          error={fieldError(impact.pulls, "bandwidthMbit")}
        />
        <NumberField
          label="Tags kept in the registry"
          unit="tags"
          value={inputs.tags}
          onChange={set("tags")}
          error={fieldError(impact.storage, "tags")}
        />
        <NumberField
          label="Nodes scaling out"
          unit="nodes"
          value={inputs.nodes}
          onChange={set("nodes")}
          error={fieldError(impact.transfer, "nodes")}
        />
      </div>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">What the two image sizes mean in practice</caption>
          <thead>
            <tr>
              <th scope="col">Cost</th>
              <th scope="col">Before: {fromDisplay}</th>
              <th scope="col">After: {toDisplay}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ title, results }) => (
              <tr key={title}>
                <th scope="row" className="bg-transparent font-normal">
                  {title}
                </th>
                {results.map((r, i) => (
                  <td key={i} className="tabular-nums">
                    {r.ok ? r.display : <span className="text-[var(--fg-muted)]">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {formulas.length ? <HowComputed lines={formulas} /> : null}
    </fieldset>
  );
}
