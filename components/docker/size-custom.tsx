import { useState } from "react";
import { NODE_BASE_IMAGES } from "@/lib/docker/size-data";
import { type CustomBuildInput, changeWord, compareCustomBuild, type Derived } from "@/lib/docker/size-math";
import { SizeChart } from "./size-chart";
import { HowComputed } from "./size-formula";
import { NumberField, parseField } from "./size-number-field";

type Field = keyof Required<CustomBuildInput>;

const FIELDS: readonly { field: Field; label: string; hint: string }[] = [
  {
    field: "buildBaseMb",
    label: "Build base image",
    hint: "The single-stage image and the build stage start from it.",
  },
  {
    field: "runtimeBaseMb",
    label: "Runtime base image",
    hint: "The final stage of the multi-stage build; 0 for scratch.",
  },
  {
    field: "buildToolsMb",
    label: "Build tools",
    hint: "Compilers and tools installed on top of the build base.",
  },
  {
    field: "allDependenciesMb",
    label: "All dependencies",
    hint: "Dev dependencies included, e.g. node_modules after npm ci.",
  },
  {
    field: "productionDependenciesMb",
    label: "Production dependencies",
    hint: "What runs in production, e.g. after npm ci --omit=dev.",
  },
  { field: "appMb", label: "Your app", hint: "Compiled output or the sources the runtime needs." },
  {
    field: "buildArtifactsMb",
    label: "Build artifacts",
    hint: "Caches and leftovers a single-stage image keeps.",
  },
];

function baseMb(image: string): number {
  return NODE_BASE_IMAGES.find((row) => row.image === image)?.figure.mb ?? 0;
}

// Base images come from the size data; the rest is a small example app to overwrite.
const START: Record<Field, string> = {
  buildBaseMb: String(baseMb("node:20")),
  runtimeBaseMb: String(baseMb("node:20-alpine")),
  buildToolsMb: "0",
  allDependenciesMb: "180",
  productionDependenciesMb: "40",
  appMb: "5",
  buildArtifactsMb: "25",
};

/** The learner's own sizes: single-stage against multi-stage, with size-math's formulas. */
export function CustomPanel() {
  const [values, setValues] = useState(START);
  const input = Object.fromEntries(
    FIELDS.map(({ field }) => [field, parseField(values[field])]),
  ) as Required<CustomBuildInput>;
  const result = compareCustomBuild(input);
  const error = result.ok ? null : result.error;
  // A multi-stage image can come out larger (a big runtime base): then it is said as growth.
  const grows = result.ok && changeWord(result.savedMb) === "larger";

  return (
    <div className="grid gap-5">
      <fieldset className="grid gap-3 rounded-lg border border-[var(--border)] p-3">
        <legend className="px-1 text-sm font-semibold">Your app’s sizes</legend>
        <p className="text-sm text-[var(--fg-muted)]">
          Sizes in MB (1 GB = 1000 MB). The base images start as node:20 and node:20-alpine; the rest is an
          example to replace with your own numbers, for instance from <code>docker history</code>.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          {FIELDS.map(({ field, label, hint }) => (
            <NumberField
              key={field}
              label={label}
              unit="MB"
              hint={hint}
              value={values[field]}
              onChange={(text) => setValues((v) => ({ ...v, [field]: text }))}
              error={error?.field === field ? error.message : undefined}
            />
          ))}
        </div>
      </fieldset>

      {result.ok ? (
        <div className="grid gap-4">
          <SizeChart
            summary={`Bar chart: single-stage ${result.singleStage.display}, multi-stage ${result.multiStage.display}.`}
            bars={[
              {
                id: "single",
                label: "Single-stage",
                mb: result.singleStage.value,
                display: result.singleStage.display,
                build: "single-stage",
              },
              {
                id: "multi",
                label: "Multi-stage",
                mb: result.multiStage.value,
                display: result.multiStage.display,
                build: "multi-stage",
              },
            ]}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <Result title="Single-stage image" derived={result.singleStage} />
            <Result title="Multi-stage image" derived={result.multiStage} />
            <Result title={grows ? "Larger by" : "Saved"} derived={result.savedMb} />
            <Result title={grows ? "Larger by" : "Reduction"} derived={result.reduction} />
          </div>
        </div>
      ) : (
        <p className="rounded-md border border-red-700/40 bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200">
          Fix the marked field to see the comparison.
        </p>
      )}

      {/* For screen readers, announced on change; the same figures are on screen above. */}
      <p role="status" className="sr-only">
        {result.ok
          ? `Your app: single-stage ${result.singleStage.display}, multi-stage ${result.multiStage.display}, ${grows ? `larger by ${result.reduction.display}` : `${result.reduction.display} smaller`}.`
          : `Not computed: ${result.error.message}`}
      </p>
    </div>
  );
}

function Result({ title, derived }: { title: string; derived: Derived }) {
  return (
    <div className="rounded-lg border border-[var(--border)] p-3">
      <p className="text-sm text-[var(--fg-muted)]">{title}</p>
      <p className="text-xl font-semibold tabular-nums">{derived.display}</p>
      <HowComputed lines={[{ derived }]} />
    </div>
  );
}
