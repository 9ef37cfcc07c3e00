import { readFileSync } from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** Where a frame's code comes from, in the groups the write profile is read by. */
function groupOf(frame: Node["callFrame"]): string {
  const { url, functionName } = frame;
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8 (program)";
  if (url.startsWith("wasm://")) return "Prisma query compiler (WebAssembly)";
  if (/query_compiler|@prisma\/client\/runtime|generated\/prisma/.test(url)) return "Prisma client";
  if (/adapter-better-sqlite3|better-sqlite3|adapter-pg|driver-adapter-utils|node_modules\/pg/.test(url))
    return "database adapter and driver";
  if (/next\/dist\/compiled\/next-server|next\/dist\/server|next\/dist\/compiled/.test(url))
    return "Next.js request handling";
  if (/\.next\/server/.test(url)) return "the app's bundled code";
  if (url.startsWith("node:") || url === "") return "Node.js core / native";
  return "other";
}

export type ProfileSummary = {
  busyMs: number;
  groups: { group: string; ms: number; share: number }[];
  top: { fn: string; where: string; ms: number; share: number }[];
};

/** Self time of a V8 .cpuprofile by origin (share of busy time, idle excluded) and its top frames. */
export function summarizeProfile(file: string, topCount = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const groups = new Map<string, number>();
  const frames = new Map<string, { fn: string; where: string; ms: number }>();
  let busy = 0;
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const group = groupOf(frame);
    if (group === "idle") continue;
    busy += ms;
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const where = `${frame.url.replace(/^.*node_modules\//, "").replace(/^.*\.next\//, ".next/")}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName}@${where}`;
    const entry = frames.get(key) ?? { fn: frame.functionName || "(anonymous)", where, ms: 0 };
    entry.ms += ms;
    frames.set(key, entry);
  }
  const share = (ms: number) => Math.round((ms / busy) * 1000) / 10;
  return {
    busyMs: Math.round(busy),
    groups: [...groups]
      .map(([group, ms]) => ({ group, ms: Math.round(ms), share: share(ms) }))
      .sort((a, b) => b.ms - a.ms),
    top: [...frames.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, topCount)
      .map((f) => ({ ...f, ms: Math.round(f.ms), share: share(f.ms) })),
  };
}
