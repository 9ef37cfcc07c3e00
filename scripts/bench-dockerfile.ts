// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text uses ${VAR} literally.
// Benchmarks the Dockerfile analyzer on a generated 1,000-line Dockerfile with many stages,
// continuation lines, heredocs, mounts and cross-stage copies.
// Usage: npx tsx scripts/bench-dockerfile.ts [iterations]
// The file is generated from a fixed seed, so runs compare like with like.

import { analyzeDockerfile } from "../lib/docker/dockerfile";

const TARGET_LINES = 1000;
const WARMUP = 20;
const iterations = Number(process.argv[2] ?? 50);

/** Small deterministic PRNG (mulberry32) so the generated file never changes between runs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stageBlock(index: number, next: () => number): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const lines = [
    `FROM --platform=$BUILDPLATFORM ${pick(["node:${NODE}-alpine", "golang:1.22-alpine", "python:3.12-slim", "debian:12-slim"])} AS stage${index}`,
  ];
  lines.push("WORKDIR /src", `ARG STAGE_${index}=value-${index}`);
  lines.push(
    "RUN apt-get update \\",
    "    # refresh the package index first",
    "    && apt-get install -y --no-install-recommends curl ca-certificates \\",
    "",
    "    && rm -rf /var/lib/apt/lists/*",
  );
  lines.push("COPY package.json package-lock.json ./", "RUN --mount=type=cache,target=/root/.npm npm ci");
  lines.push("RUN <<EOF", "set -eu", "FROM not-a-stage", `echo building stage ${index}`, "EOF");
  lines.push(`COPY <<-CONF /etc/app-${index}.conf`, "\tkey=value", "\tCONF");
  if (index > 0) {
    const from = Math.floor(next() * index);
    lines.push(
      next() < 0.2 ? `COPY --from=${from} /out /deps/${from}` : `COPY --from=stage${from} /out /deps/${from}`,
    );
    lines.push(
      `RUN --mount=type=bind,from=stage${Math.floor(next() * index)},source=/out,target=/mnt/dep true`,
    );
  }
  lines.push("COPY . .", "RUN npm run build && \\", "    mkdir -p /out && \\", "    cp -r dist /out/");
  if (next() < 0.3) lines.push("COPY --from=busybox:1.36 /bin/busybox /bin/busybox");
  lines.push("USER 1000", "");
  return lines;
}

function generate(): string {
  const next = random(7);
  const lines = ["# syntax=docker/dockerfile:1", "ARG NODE=20", ""];
  for (let i = 0; ; i++) {
    const block = stageBlock(i, next);
    if (lines.length + block.length > TARGET_LINES) break;
    lines.push(...block);
  }
  while (lines.length < TARGET_LINES) lines.push("# padding");
  return `${lines.join("\n")}\n`;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

const text = generate();
const first = analyzeDockerfile(text);
if (!first.ok) throw new Error(first.error.message);
for (let i = 0; i < WARMUP; i++) analyzeDockerfile(text);

const times: number[] = [];
for (let i = 0; i < iterations; i++) {
  const start = performance.now();
  analyzeDockerfile(text);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);

const { analysis } = first;
console.log(
  `lines: ${analysis.lineCount}, stages: ${analysis.stages.length}, edges: ${analysis.edges.length}, findings: ${analysis.findings.length}`,
);
console.log(`iterations: ${iterations} (after ${WARMUP} warm-up runs)`);
console.log(`median: ${percentile(times, 50).toFixed(2)} ms, p95: ${percentile(times, 95).toFixed(2)} ms`);
