// The layer cache view: the learner says what changed since the last build (a file in the build
// context, a build-arg, or nothing) and sees, per stage, which steps BuildKit reuses and which it
// rebuilds, with an estimate on top (cache-report.tsx). The logic is lib/docker/cache; this file
// holds the learner's settings and draws their controls.

import { useId } from "react";
import type { CacheInput } from "@/lib/docker/cache/layer-cache";
import type { DockerfileAnalysis } from "@/lib/docker/dockerfile";

export interface CacheSettings {
  kind: "none" | "file" | "arg";
  path: string;
  arg: string;
  dockerignore: string;
  /** Context files, one path a line. */
  files: string;
}

export const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  kind: "file",
  path: "src/index.ts",
  arg: "",
  dockerignore: "",
  files: "",
};

/** The cache model's input for these settings. */
export function cacheInput(settings: CacheSettings): CacheInput {
  const change: CacheInput["change"] =
    settings.kind === "file"
      ? { kind: "file", path: settings.path }
      : settings.kind === "arg"
        ? { kind: "arg", name: settings.arg }
        : { kind: "none" };
  return {
    change,
    dockerignore: settings.dockerignore,
    contextFiles: settings.files
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 2000),
  };
}

/** Build args the file declares (global ones first), for the build-arg picker. */
export function declaredArgs(analysis: DockerfileAnalysis): string[] {
  const names = new Set(analysis.globalArgs.map((a) => a.name));
  for (const stage of analysis.stages)
    for (const ins of stage.instructions)
      if (ins.keyword === "ARG") for (const word of ins.argv) names.add(word.split("=")[0] as string);
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).slice(0, 200);
}

const control =
  "w-full min-w-0 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 text-sm disabled:opacity-60";

/** "What changed?" controls. */
export function CacheControls({
  settings,
  onChange,
  args,
  paths,
}: {
  settings: CacheSettings;
  onChange: (next: CacheSettings) => void;
  args: readonly string[];
  /** Suggested paths (COPY sources, context files). */
  paths: readonly string[];
}) {
  const id = useId();
  const set = (patch: Partial<CacheSettings>) => onChange({ ...settings, ...patch });
  const kinds = [
    { value: "file", label: "A file in the build context" },
    { value: "arg", label: "A build argument" },
    { value: "none", label: "Nothing" },
  ] as const;
  return (
    <div className="grid gap-3">
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">What changed since the last build?</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {kinds.map((k) => (
            <label key={k.value} className="inline-flex items-center gap-1.5 text-sm">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k.value}
                checked={settings.kind === k.value}
                onChange={() =>
                  set({
                    kind: k.value,
                    arg: k.value === "arg" && !settings.arg ? (args[0] ?? "") : settings.arg,
                  })
                }
              />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      {settings.kind === "file" ? (
        <div className="grid gap-1 sm:max-w-md">
          <label htmlFor={`${id}-path`} className="text-sm font-medium">
            Changed path, relative to the build context
          </label>
          <input
            id={`${id}-path`}
            list={`${id}-paths`}
            value={settings.path}
            onChange={(e) => set({ path: e.target.value })}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            className={`h-9 font-mono ${control}`}
          />
          <datalist id={`${id}-paths`}>
            {paths.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </div>
      ) : null}
      {settings.kind === "arg" ? (
        <div className="grid gap-1 sm:max-w-md">
          <label htmlFor={`${id}-arg`} className="text-sm font-medium">
            Build argument whose value changed (<code className="font-mono">--build-arg NAME=…</code>)
          </label>
          <input
            id={`${id}-arg`}
            list={`${id}-args`}
            value={settings.arg}
            onChange={(e) => set({ arg: e.target.value })}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder={args[0] ?? "NODE_VERSION"}
            className={`h-9 font-mono ${control}`}
          />
          <datalist id={`${id}-args`}>
            {args.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">
          Build context: .dockerignore and files (optional)
        </summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <ListField
            id={`${id}-ignore`}
            label=".dockerignore"
            value={settings.dockerignore}
            onChange={(dockerignore) => set({ dockerignore })}
            placeholder={"node_modules\n**/*.log\n!important.log"}
          />
          <ListField
            id={`${id}-files`}
            label="Files in the build context, one a line"
            value={settings.files}
            onChange={(files) => set({ files })}
            placeholder={"package.json\nsrc/index.ts\nnode_modules/left-pad/index.js"}
          />
        </div>
      </details>
    </div>
  );
}

/** A labelled monospace textarea for a list of patterns or paths. */
function ListField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  return (
    <div className="grid content-start gap-1">
      <label htmlFor={props.id} className="font-medium">
        {props.label}
      </label>
      <textarea
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        rows={5}
        spellCheck={false}
        placeholder={props.placeholder}
        className={`${control} resize-y py-1.5 font-mono text-[0.8125rem] leading-5`}
      />
    </div>
  );
}

/** Paths worth suggesting: COPY/ADD sources from the context and the listed files. */
export function suggestedPaths(analysis: DockerfileAnalysis, settings: CacheSettings): string[] {
  const paths = new Set<string>();
  for (const stage of analysis.stages)
    for (const ins of stage.instructions) {
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.flags.some((f) => f.name === "from"))
        continue;
      for (const word of ins.argv.slice(0, -1))
        if (!word.startsWith("<<") && word !== "." && word !== "./") paths.add(word);
    }
  for (const line of settings.files.split("\n")) if (line.trim()) paths.add(line.trim());
  return [...paths].slice(0, 200);
}
