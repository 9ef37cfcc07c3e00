// Arithmetic behind the image size calculator. Every derived number comes back with the formula
// that produced it, so the UI can show "how it was computed" next to the result. Bad input comes
// back as an error value (the calculator shows it next to the field); nothing here throws.
// Sizes are in MB with 1 GB = 1000 MB, as `docker images` prints them.

/** A computed number and the arithmetic that produced it. */
export interface Derived {
  /** Full-precision value; round only for display. */
  value: number;
  unit: "MB" | "%" | "s";
  /** The value formatted for display, e.g. "93%", "1.1 GB", "1 min 28 s". */
  display: string;
  /** The arithmetic with the inputs filled in, e.g. "(1100 MB − 80 MB) ÷ 1100 MB × 100 = 92.73% ≈ 93%". */
  formula: string;
  /** A caveat that belongs next to the number. */
  note?: string;
}

export interface InputError {
  /** Which input is wrong, named as in the function's parameters. */
  field: string;
  message: string;
}

export type MathResult<T = Derived> = ({ ok: true } & T) | { ok: false; error: InputError };

/** Upper bounds that catch typos (an extra zero or two) without limiting real use. */
export const LIMITS = {
  /** 1 TB: no container image is larger. */
  maxSizeMb: 1_000_000,
  /** 1 Tbit/s. */
  maxBandwidthMbit: 1_000_000,
  maxTags: 100_000,
  maxNodes: 100_000,
} as const;

// ---------------------------------------------------------------------------------------------
// Formatting

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** A plain number with at most `decimals` decimals and no trailing zeros: 1100, 92.73, 0.5. */
export function formatNumber(value: number, decimals = 2): string {
  return trimZeros(value.toFixed(decimals));
}

/**
 * MB as `docker images` shows it (1000-based): 135 → "135 MB", 1100 → "1.1 GB", 2.5 → "2.5 MB",
 * 1_250_000 → "1.25 TB".
 */
export function formatMb(mb: number): string {
  if (!Number.isFinite(mb)) return "—";
  const abs = Math.abs(mb);
  // Compare after rounding so 999.6 MB reads "1 GB", not "1000 MB".
  if (abs >= 999_500) return `${formatNumber(mb / 1_000_000, 2)} TB`;
  if (abs >= 999.5) return `${formatNumber(mb / 1000, abs >= 99_950 ? 0 : 1)} GB`;
  if (abs >= 10 || abs === 0) return `${Math.round(mb)} MB`;
  return `${formatNumber(mb, 1)} MB`;
}

/**
 * A percentage rounded the way the lesson words it: whole numbers ("93%", "69%"), one decimal when
 * the whole number would hide what is left (98.59 → "98.6%", since 99% would claim a third less
 * remains) or the value is small (3.44 → "3.4%").
 */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return "—";
  const abs = Math.abs(percent);
  const decimals = abs >= 99.95 && abs < 100 ? 2 : abs < 10 || (abs > 95 && abs < 100) ? 1 : 0;
  return `${formatNumber(percent, decimals)}%`;
}

/** Seconds for a transfer: "0.4 s", "88 s", "1 min 28 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 10) return `${formatNumber(seconds, 1)} s`;
  if (seconds < 100) return `${Math.round(seconds)} s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return min > 0 ? `${h} h ${min} min` : `${h} h`;
  return s > 0 ? `${min} min ${s} s` : `${min} min`;
}

function mb(value: number): string {
  return `${formatNumber(value)} MB`;
}

// ---------------------------------------------------------------------------------------------
// Validation

function checkNumber(field: string, value: number, max: number, what: string): InputError | null {
  if (typeof value !== "number" || Number.isNaN(value))
    return { field, message: `Enter ${what} as a number.` };
  if (!Number.isFinite(value)) return { field, message: `Enter a finite ${what}.` };
  if (value < 0) return { field, message: `${capitalise(what)} can't be negative.` };
  if (value > max)
    return { field, message: `${capitalise(what)} over ${max.toLocaleString("en-US")} looks like a typo.` };
  return null;
}

function checkSize(field: string, value: number): InputError | null {
  return checkNumber(field, value, LIMITS.maxSizeMb, "a size in MB");
}

function checkCount(field: string, value: number, max: number, what: string): InputError | null {
  const error = checkNumber(field, value, max, what);
  if (error) return error;
  if (!Number.isInteger(value) || value < 1)
    return { field, message: `${capitalise(what)} must be a whole number, 1 or more.` };
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fail(error: InputError): { ok: false; error: InputError } {
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Calculations

/**
 * How much smaller `toMb` is than `fromMb`, in percent: (from − to) ÷ from × 100. The value is
 * negative when the image grows; the display and formula then state the growth as a positive
 * "larger" figure, (to − from) ÷ from × 100, so no reader meets a negative saving.
 */
export function reductionPercent(fromMb: number, toMb: number): MathResult {
  const error = checkSize("fromMb", fromMb) ?? checkSize("toMb", toMb);
  if (error) return fail(error);
  if (fromMb === 0) return fail({ field: "fromMb", message: "The starting size must be more than 0 MB." });
  const value = ((fromMb - toMb) / fromMb) * 100;
  const grows = value < 0;
  const display = formatPercent(Math.abs(value));
  const exact = `${formatNumber(Math.abs(value))}%`;
  const [big, small] = grows ? [toMb, fromMb] : [fromMb, toMb];
  return {
    ok: true,
    value,
    unit: "%",
    display,
    formula: `(${mb(big)} − ${mb(small)}) ÷ ${mb(fromMb)} × 100 = ${exact}${exact === display ? "" : ` ≈ ${display}`}${grows ? " larger" : ""}`,
    ...(grows ? { note: "The second image is larger than the first." } : {}),
  };
}

/** "smaller" or "larger": how a reduction or saving reads, from the sign of its value. */
export function changeWord(derived: Pick<Derived, "value">): "smaller" | "larger" {
  return derived.value < 0 ? "larger" : "smaller";
}

/** Seconds to pull an image at a bandwidth in Mbit/s: MB × 8 ÷ Mbit/s (ignores latency and decompression). */
export function pullTimeSeconds(sizeMb: number, bandwidthMbit: number): MathResult {
  const error =
    checkSize("sizeMb", sizeMb) ??
    checkNumber("bandwidthMbit", bandwidthMbit, LIMITS.maxBandwidthMbit, "a bandwidth in Mbit/s");
  if (error) return fail(error);
  if (bandwidthMbit === 0)
    return fail({ field: "bandwidthMbit", message: "Bandwidth must be more than 0 Mbit/s." });
  const value = (sizeMb * 8) / bandwidthMbit;
  const display = formatDuration(value);
  return {
    ok: true,
    value,
    unit: "s",
    display,
    formula: `${mb(sizeMb)} × 8 ÷ ${formatNumber(bandwidthMbit)} Mbit/s = ${formatNumber(value)} s`,
    note: "Best case: full bandwidth, no latency, decompression not counted.",
  };
}

/** Registry storage for `tags` pushed tags of an image: tags × size, an upper bound. */
export function registryStorageMb(sizeMb: number, tags: number): MathResult {
  const error = checkSize("sizeMb", sizeMb) ?? checkCount("tags", tags, LIMITS.maxTags, "the number of tags");
  if (error) return fail(error);
  const value = sizeMb * tags;
  return {
    ok: true,
    value,
    unit: "MB",
    display: formatMb(value),
    formula: `${formatNumber(tags)} tags × ${mb(sizeMb)} = ${mb(value)}`,
    note: "Upper bound: a registry stores each layer once, so tags that share base layers take less.",
  };
}

/** Data moved when `nodes` fresh nodes each pull the image once while scaling out: nodes × size. */
export function scaleOutTransferMb(sizeMb: number, nodes: number): MathResult {
  const error =
    checkSize("sizeMb", sizeMb) ?? checkCount("nodes", nodes, LIMITS.maxNodes, "the number of nodes");
  if (error) return fail(error);
  const value = sizeMb * nodes;
  return {
    ok: true,
    value,
    unit: "MB",
    display: formatMb(value),
    formula: `${formatNumber(nodes)} nodes × ${mb(sizeMb)} = ${mb(value)}`,
    note: "Assumes no node has any of the image's layers cached yet.",
  };
}

/** The learner's own app, described by the sizes that end up in each kind of image (all MB). */
export interface CustomBuildInput {
  /** Base of the single-stage image and of the build stage, e.g. node:20 (1100). */
  buildBaseMb: number;
  /** Base of the final stage in the multi-stage build, e.g. node:20-alpine (130) or scratch (0). */
  runtimeBaseMb: number;
  /** Compilers and tools installed on top of the build base (gcc, make, ...). */
  buildToolsMb: number;
  /** All dependencies, dev ones included (node_modules after `npm ci`). */
  allDependenciesMb: number;
  /** Production dependencies only (node_modules after `npm ci --omit=dev`); at most allDependenciesMb. */
  productionDependenciesMb: number;
  /** What the app itself ships: compiled output or sources the runtime needs. */
  appMb: number;
  /** Leftovers that stay in a single-stage image: caches, sources next to the build output. Default 0. */
  buildArtifactsMb?: number;
}

export interface CustomBuildComparison {
  singleStage: Derived;
  multiStage: Derived;
  savedMb: Derived;
  reduction: Derived;
}

/**
 * Compares one app built single-stage (build base + tools + all deps + app + artifacts) with the
 * same app built multi-stage (runtime base + production deps + app).
 */
export function compareCustomBuild(input: CustomBuildInput): MathResult<CustomBuildComparison> {
  const artifacts = input.buildArtifactsMb ?? 0;
  const fields: [keyof CustomBuildInput, number][] = [
    ["buildBaseMb", input.buildBaseMb],
    ["runtimeBaseMb", input.runtimeBaseMb],
    ["buildToolsMb", input.buildToolsMb],
    ["allDependenciesMb", input.allDependenciesMb],
    ["productionDependenciesMb", input.productionDependenciesMb],
    ["appMb", input.appMb],
    ["buildArtifactsMb", artifacts],
  ];
  for (const [field, value] of fields) {
    const error = checkSize(field, value);
    if (error) return fail(error);
  }
  if (input.productionDependenciesMb > input.allDependenciesMb) {
    return fail({
      field: "productionDependenciesMb",
      message: "Production dependencies are part of all dependencies, so they can't be larger.",
    });
  }

  const singleParts = [input.buildBaseMb, input.buildToolsMb, input.allDependenciesMb, input.appMb];
  const singleNames = ["base", "tools", "all deps", "app"];
  if (artifacts > 0) {
    singleParts.push(artifacts);
    singleNames.push("artifacts");
  }
  const single = singleParts.reduce((sum, part) => sum + part, 0);
  const multiParts = [input.runtimeBaseMb, input.productionDependenciesMb, input.appMb];
  const multi = multiParts.reduce((sum, part) => sum + part, 0);

  const sum = (parts: number[], total: number) => `${parts.map(mb).join(" + ")} = ${mb(total)}`;
  const singleStage: Derived = {
    value: single,
    unit: "MB",
    display: formatMb(single),
    formula: `${singleNames.join(" + ")}: ${sum(singleParts, single)}`,
  };
  const multiStage: Derived = {
    value: multi,
    unit: "MB",
    display: formatMb(multi),
    formula: `runtime base + production deps + app: ${sum(multiParts, multi)}`,
  };
  // Negative when the multi-stage image is the larger one; shown as a positive "larger by".
  const savedMb: Derived = {
    value: single - multi,
    unit: "MB",
    display: formatMb(Math.abs(single - multi)),
    formula:
      single >= multi
        ? `${mb(single)} − ${mb(multi)} = ${mb(single - multi)}`
        : `${mb(multi)} − ${mb(single)} = ${mb(multi - single)} larger`,
  };
  let reduction: Derived;
  if (single === 0) {
    reduction = { value: 0, unit: "%", display: "0%", formula: "Both images are 0 MB: nothing to reduce." };
  } else {
    const computed = reductionPercent(single, multi);
    if (!computed.ok) return computed;
    const { ok: _ok, ...derived } = computed;
    reduction = derived;
  }
  return { ok: true, singleStage, multiStage, savedMb, reduction };
}
