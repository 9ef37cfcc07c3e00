// `path-ships` / `path-stays-out`: whether a build-context path or an image path ends up in the
// final image, followed through COPY and COPY --from (lib/docker/dockerfile/files.ts).

import { ignoreVerdict, parseDockerignore } from "@/lib/docker/cache/dockerignore";
import { cleanPath, GlobBudget } from "@/lib/docker/cache/glob";
import type { StageFile } from "@/lib/docker/dockerfile/files";
import { type CheckInput, type CheckResult, fail, pass } from "./check-common";
import type { ExerciseCheck } from "./schema";

type PathCheck = Extract<ExerciseCheck, { kind: "path-ships" | "path-stays-out" }>;

const under = (path: string, dir: string) =>
  dir === "" || dir === "/" || path === dir || path.startsWith(`${dir}/`);

/** The final image's entries that hold (or are inside) `check`'s path. */
function holding(files: readonly StageFile[], check: PathCheck): StageFile[] {
  if (check.image !== undefined) {
    const path = `/${cleanPath(check.image)}`;
    // A directory copied from the context without a listing may hold anything; a directory a RUN
    // step made (node_modules, Spring Boot's layers) holds what that step makes, nothing else.
    return files.filter(
      (f) => under(f.path, path) || (f.tree && f.origin.kind === "context" && under(path, f.path)),
    );
  }
  const path = cleanPath(check.context ?? "");
  return files.filter((f) => {
    if (f.origin.kind !== "context") return false;
    // An entry from a directory copied whole holds everything under it.
    return under(f.origin.path, path) || (f.tree && under(path, f.origin.path));
  });
}

/** Runs a path check. */
export function pathCheck(check: PathCheck, input: CheckInput): CheckResult {
  const { analysis, context } = input;
  const what = check.image ?? check.context ?? "";
  if (check.context !== undefined) {
    const rules = parseDockerignore(context.dockerignore ?? "");
    const verdict = ignoreVerdict(rules, check.context, new GlobBudget());
    if (verdict.excluded) {
      const detail = `${what} is left out of the build context by .dockerignore (${verdict.rule?.text}).`;
      return check.kind === "path-stays-out" ? pass(detail) : fail(detail);
    }
  }
  const files = input.stageFiles()[analysis.target.shipping] ?? [];
  const found = holding(files, check);
  const first = found[0];
  if (check.kind === "path-ships") {
    return first
      ? pass(`Line ${first.line} puts ${what} into the final image (${first.path}).`, first.line)
      : fail(
          check.image
            ? `No COPY or RUN puts ${what} into the final image (files a base image brings are not counted).`
            : `${what} does not reach the final image: no COPY in the final stage brings it in.`,
        );
  }
  return first
    ? fail(`Line ${first.line} brings ${what} into the final image (${first.path}).`, first.line)
    : pass(`${what} stays out of the final image.`);
}
