import { type Approach, LESSON_REDUCTIONS, NODE_APPROACHES, NODE_BASE_IMAGES } from "@/lib/docker/size-data";
import { reductionPercent } from "@/lib/docker/size-math";

/** "~93%": the computed reduction, worded like the lesson (the figures are approximate). */
function reductionText(fromMb: number, toMb: number): string {
  const result = reductionPercent(fromMb, toMb);
  return result.ok ? `~${result.display}` : "—";
}

function buildLabel(approach: Approach): string {
  return approach.build === "single-stage" ? "Single-stage" : "Multi-stage";
}

/**
 * The lesson's published size figures as plain tables. This is the calculator without
 * JavaScript, and a reference under the interactive version; every number comes from lib/docker.
 */
export function SizeFigureTables() {
  const nodeFacts = NODE_APPROACHES.filter((a) => !a.figure.estimate);
  return (
    <div className="grid gap-6">
      <div className="table-wrap">
        <table>
          <caption className="px-3 py-2 text-left font-semibold">
            Node.js: the same app, three Dockerfiles
          </caption>
          <thead>
            <tr>
              <th scope="col">Approach</th>
              <th scope="col">Final image base</th>
              <th scope="col">Image size</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {nodeFacts.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="bg-transparent font-normal">
                  {buildLabel(a)}
                </th>
                <td>
                  <code className="whitespace-nowrap">{a.baseImage}</code>
                </td>
                <td className="whitespace-nowrap">{a.figure.display}</td>
                <td>{a.why ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-wrap">
        <table>
          <caption className="px-3 py-2 text-left font-semibold">Single-stage versus multi-stage</caption>
          <thead>
            <tr>
              <th scope="col">Comparison</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Reduction</th>
            </tr>
          </thead>
          <tbody>
            {LESSON_REDUCTIONS.map((pair) => (
              <tr key={pair.id}>
                <th scope="row" className="bg-transparent font-normal">
                  {pair.label}
                </th>
                <td className="whitespace-nowrap">{pair.from.display}</td>
                <td className="whitespace-nowrap">{pair.to.display}</td>
                <td className="whitespace-nowrap">{reductionText(pair.from.mb, pair.to.mb)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-wrap">
        <table>
          <caption className="px-3 py-2 text-left font-semibold">Node 20 base images</caption>
          <thead>
            <tr>
              <th scope="col">Base image</th>
              <th scope="col">Size</th>
              <th scope="col">Package manager</th>
              <th scope="col">Best for</th>
            </tr>
          </thead>
          <tbody>
            {NODE_BASE_IMAGES.map((row) => (
              <tr key={row.image}>
                <th scope="row" className="bg-transparent font-normal">
                  <code className="whitespace-nowrap">{row.label}</code>
                </th>
                <td className="whitespace-nowrap">{row.figure.display}</td>
                <td>{row.packageManager}</td>
                <td>{row.bestFor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-[var(--fg-muted)]">
        Approximate sizes as published for these images; 1 GB = 1000 MB, as <code>docker images</code> counts.
      </p>
    </div>
  );
}
