import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { exerciseVersion } from "../../lib/exercise-engine/public";
import { ExerciseDefinitionSchema } from "../../lib/exercise-engine/schema";
import { scriptClient } from "../lib/prisma-client";
import { ROOT } from "../lib/run";
import { loadWrite } from "./load";
import type { Measured } from "./write-rows";

const CLIENTS = 64;

/** Part 7's first exercise as the author wrote it, and its version as the page sends it. */
function part7Exercise() {
  const source = readFileSync(path.join(ROOT, "content/courses/docker/07-multi-stage-builds.mdx"), "utf8");
  const exercise = ExerciseDefinitionSchema.parse(parse(/```exercise\n([\s\S]*?)\n```/.exec(source)![1]!));
  return { exercise, version: exerciseVersion(exercise) };
}

/**
 * Exercise submissions from 64 concurrent anonymous clients through the island's JSON route,
 * alternating the starter (fails) and the solution (passes), each graded on the server. Then
 * counts the stored attempts: every submission the server accepted must be there ("lost" is
 * accepted minus stored; the submission ids are all different, so none is folded into another).
 */
export async function measureExerciseWrites(
  bases: string[],
  databaseUrl: string,
  seconds = 10,
  options: Parameters<typeof loadWrite>[5] = {},
): Promise<Measured & { accepted: number; stored: number; lost: number }> {
  const { exercise, version } = part7Exercise();
  const db = scriptClient(databaseUrl);
  try {
    const before = await db.exerciseAttempt.count();
    const result = await loadWrite(
      "exercise submission",
      bases.map((b) => `${b}/api/learner/exercise-attempts`),
      Array.from({ length: CLIENTS }, () => null),
      (c, n) => ({
        course: "docker",
        lesson: "multi-stage-builds",
        exerciseId: exercise.id,
        version,
        submissionId: randomUUID(),
        source: (c + n) % 2 === 0 ? exercise.starter : exercise.solution,
      }),
      seconds,
      options,
    );
    const stored = (await db.exerciseAttempt.count()) - before;
    // Every acknowledged submission, the uncounted warm-up's too, must be stored.
    const accepted = result.acknowledged.length;
    const { acknowledged: _a, cookies: _c, ...figures } = result;
    return { ...figures, accepted, stored, lost: accepted - stored };
  } finally {
    await db.$disconnect();
  }
}
