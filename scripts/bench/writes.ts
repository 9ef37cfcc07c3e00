import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { createUser } from "../../lib/auth/users";
import { optionId, quizVersion } from "../../lib/content/quiz-public";
import { QuizDefinitionSchema } from "../../lib/content/quiz-schema";
import { scriptClient } from "../lib/prisma-client";
import { ROOT } from "../lib/run";
import { loadWrite, type WriteLoad } from "./load";

const CLIENTS = 64;
const PASSWORD = "bench-password-long-enough";

/** Creates the 64 accounts (addresses confirmed) the comment benchmark signs in with. */
export async function seedBenchAccounts(databaseUrl: string): Promise<string[]> {
  const db = scriptClient(databaseUrl);
  try {
    const emails = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        createUser(db, {
          email: `bench${i}@example.test`,
          name: `Bench ${i}`,
          password: PASSWORD,
          role: "learner",
        }).then(() => `bench${i}@example.test`),
      ),
    );
    // Confirmed addresses: an unconfirmed account may not post (lib/auth/verification.ts).
    await db.user.updateMany({ where: { email: { in: emails } }, data: { emailVerified: true } });
    return emails;
  } finally {
    await db.$disconnect();
  }
}

/** Part 7's quiz with a valid (first-choice) answer to every question, as the page sends it. */
function part7Submission() {
  const source = readFileSync(path.join(ROOT, "content/courses/docker/07-multi-stage-builds.mdx"), "utf8");
  const quiz = QuizDefinitionSchema.parse(parse(/```quiz\n([\s\S]*?)\n```/.exec(source)![1]!));
  const answers = Object.fromEntries(
    quiz.questions.map((q) => {
      if (q.type === "single") return [q.id, optionId(quiz.id, q.id, q.choices[0]!.text)];
      if (q.type === "multiple") return [q.id, [optionId(quiz.id, q.id, q.choices[0]!.text)]];
      if (q.type === "truefalse") return [q.id, true];
      if (q.type === "fill") return [q.id, "--from"];
      if (q.type === "order") return [q.id, q.items.map((t) => optionId(quiz.id, q.id, t))];
      return [q.id, 50];
    }),
  );
  return { quizId: quiz.id, version: quizVersion(quiz), answers };
}

/**
 * Quiz submissions, progress writes and comment posts from 64 concurrent clients through the
 * JSON endpoints (the server actions' pipeline). With several servers, each client's requests
 * alternate between them, as behind a round-robin load balancer.
 */
export async function measureWrites(
  bases: string[],
  accounts: string[],
  seconds = 10,
  only?: "quiz",
  options: Parameters<typeof loadWrite>[5] = {},
): Promise<WriteLoad[]> {
  const quiz = part7Submission();
  const anonymous = Array.from({ length: CLIENTS }, () => null);
  const results: WriteLoad[] = [];
  results.push(
    await loadWrite(
      "quiz submission",
      bases.map((b) => `${b}/api/learner/quiz-attempts`),
      anonymous,
      () => ({ course: "docker", lesson: "multi-stage-builds", ...quiz, submissionId: randomUUID() }),
      seconds,
      options,
    ),
  );
  if (only === "quiz") return results;
  results.push(
    await loadWrite(
      "progress write",
      bases.map((b) => `${b}/api/learner/completions`),
      anonymous,
      (c, n) => ({
        course: "docker",
        lesson: ["volumes", "networking", "compose"][n % 3],
        complete: (c + n) % 2 === 0,
      }),
      seconds,
      options,
    ),
  );
  const sessions: string[] = [];
  for (const [i, email] of accounts.entries()) {
    const res = await fetch(`${bases[i % bases.length]}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    sessions.push((res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; "));
  }
  results.push(
    await loadWrite(
      "comment post",
      bases.map((b) => `${b}/api/comments`),
      sessions,
      (c, n) => ({
        course: "docker",
        lesson: "multi-stage-builds",
        body: `Benchmark comment ${c}-${n}: does \`COPY --from\` keep file permissions?`,
        submissionId: randomUUID(),
      }),
      seconds,
      options,
    ),
  );
  return results;
}

/** What an acknowledged write left in the database: how many of them cannot be found there. */
export async function lostWrites(databaseUrl: string, load: WriteLoad): Promise<number> {
  const db = scriptClient(databaseUrl);
  try {
    if (load.name === "progress write") {
      // Each client's requests are sequential, so its last acknowledged write per lesson is the
      // state the database must hold for its learner (the id inside its signed cookie).
      const last = new Map<string, boolean>();
      for (const a of load.acknowledged) {
        const b = a.body as { lesson: string; complete: boolean };
        last.set(`${a.client}/${b.lesson}`, b.complete);
      }
      let lost = 0;
      for (const [key, complete] of last) {
        const [client, lesson] = key.split("/") as [string, string];
        const cookie = load.cookies[Number(client)] ?? "";
        const learnerId = decodeURIComponent(cookie.split("=")[1] ?? "").split(".")[0]!;
        const row = await db.lessonProgress.findUnique({
          where: { learnerId_courseSlug_lessonSlug: { learnerId, courseSlug: "docker", lessonSlug: lesson } },
          select: { completedAt: true },
        });
        if (Boolean(row?.completedAt) !== complete) lost++;
      }
      return lost;
    }
    const ids = load.acknowledged.map((a) =>
      load.name === "quiz submission"
        ? (a.answer as { attemptId: string }).attemptId
        : (a.answer as { id: string }).id,
    );
    let found = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const where = { id: { in: ids.slice(i, i + 500) } };
      found +=
        load.name === "quiz submission"
          ? await db.quizAttempt.count({ where })
          : await db.comment.count({ where });
    }
    return new Set(ids).size - found;
  } finally {
    await db.$disconnect();
  }
}
