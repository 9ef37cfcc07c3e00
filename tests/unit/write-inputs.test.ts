// Every write of the one pipeline (each server action and JSON route calls one of these) is sent
// malformed, oversized, wrong-typed and missing inputs: each must answer 400 with a readable
// message from the parse step, before anything identifies the caller or touches the database.
// (Were a case to get past parsing, the write would go on to read the request outside one and
// answer 500: the test would fail.) The instructor preview's inputs are covered by
// tests/e2e/instructor.spec.ts; route handlers' HTTP handling by tests/e2e/bad-input.spec.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { registeredWrites, type Write } from "@/lib/actions/pipeline";

// Every lib/<domain>/writes.ts, loaded so that each defineWrite in them registers itself.
import.meta.glob("../../lib/*/writes.ts", { eager: true });

const uuid = "8b7df143-d91c-4ecb-a7e5-6b6f3d2f7d3f";
const commentId = "cmwz63o810001lc7dfv65tj3n";
const huge = "x".repeat(100_000);

type Entry = {
  /** A well-formed input, which the cases below break one way at a time. */
  valid: Record<string, unknown>;
  /** Fields for which 100,000 characters are still valid (a lesson source may be 200 KB). */
  long?: string[];
  /** Fields the write may go without. */
  optional?: string[];
};

/** Every write the pipeline defines, by its registered name. */
const writes: Record<string, Entry> = {
  "account.signIn": { valid: { email: "a@example.test", password: "long-enough-password" } },
  "account.signUp": { valid: { name: "Ada", email: "a@example.test", password: "long-enough-password" } },
  "account.updateName": { valid: { name: "Ada Lovelace" } },
  "account.changePassword": {
    valid: { currentPassword: "old-password-here", newPassword: "a-new-long-password" },
  },
  "account.signOutEverywhere": { valid: {} },
  "account.delete": { valid: { password: "my-password-here", confirm: "delete" } },
  "account.resendVerification": { valid: {} },
  "account.changeEmail": { valid: { newEmail: "b@example.test", password: "my-password-here" } },
  "account.requestPasswordReset": { valid: { email: "a@example.test" } },
  "account.resetPassword": {
    valid: { token: "Zm9yZ290LXBhc3N3b3JkLXRva2Vu", newPassword: "a-new-long-password" },
  },
  "quiz.submit": {
    valid: {
      course: "docker",
      lesson: "volumes",
      quizId: "part-5-check",
      version: "0123456789ab",
      submissionId: uuid,
      answers: { "first-question": "abc" },
    },
    // The lesson's form without JavaScript sends none: the write derives it (lib/quiz/form-submission.ts).
    optional: ["submissionId"],
  },
  "exercise.submit": {
    valid: {
      course: "docker",
      lesson: "multi-stage-builds",
      exerciseId: "shrink-express",
      version: "0123456789ab",
      submissionId: uuid,
      source: "FROM node:20-alpine\n",
    },
    // The grader, not the parser, says why a long Dockerfile is refused (tests/unit/db-exercises.test.ts).
    long: ["source"],
    optional: ["submissionId"],
  },
  "exercise.hint": {
    valid: {
      course: "docker",
      lesson: "multi-stage-builds",
      exerciseId: "shrink-express",
      version: "0123456789ab",
      checkId: "non-root",
      index: "1",
    },
  },
  "exercise.solution": {
    valid: {
      course: "docker",
      lesson: "multi-stage-builds",
      exerciseId: "shrink-express",
      version: "0123456789ab",
    },
  },
  "exercise.draft": {
    valid: {
      course: "docker",
      lesson: "multi-stage-builds",
      exerciseId: "shrink-express",
      source: "FROM alpine\n",
      base: "0",
      settles: "aside",
    },
    // Sent only when the learner settles a draft set aside at sign-in (decision 041).
    optional: ["settles"],
  },
  "progress.markComplete": { valid: { course: "docker", lesson: "volumes", complete: true } },
  "progress.reset": { valid: { course: "docker", confirm: "reset" } },
  "progress.visit": {
    valid: { course: "docker", lesson: "volumes", section: "why-volumes" },
    optional: ["section"],
  },
  "comments.post": { valid: { course: "docker", lesson: "volumes", body: "Hello", submissionId: uuid } },
  "comments.edit": { valid: { id: commentId, body: "Hello again" } },
  "comments.preview": { valid: { body: "**Hello**" } },
  "comments.delete": { valid: { id: commentId } },
  "comments.hide": { valid: { id: commentId, hidden: true } },
  "comments.dismissReports": { valid: { id: commentId } },
  "comments.report": { valid: { id: commentId, reason: "spam" } },
  "comments.hideAllByAuthor": { valid: { authorId: "u4Xk2m9QpLr7Tn3W" } },
  "comments.suspendPosting": { valid: { authorId: "u4Xk2m9QpLr7Tn3W", suspended: true } },
  "notifications.saveSettings": { valid: { replies: true, followed: false, courseDigests: ["docker"] } },
  "notifications.follow": { valid: { course: "docker", lesson: "volumes", follow: true } },
  "notifications.unsubscribe": { valid: { token: "dXNlcnxyZXBsaWVz.c2lnbmF0dXJl" } },
  "instructor.preview": { valid: { source: "# A lesson" }, long: ["source"] },
  "review.answer": {
    valid: {
      card: commentId,
      round: "1",
      version: "0123456789ab",
      submissionId: uuid,
      confidence: "sure",
      choice: ["abc123"],
    },
    optional: ["confidence"],
  },
  "review.add": {
    valid: { course: "docker", lesson: "volumes", quizId: "part-5-check", questionId: "first-question" },
  },
};

const writeOf = (name: string): Write<unknown> => {
  const write = registeredWrites().get(name);
  if (!write) throw new Error(`No write is registered as "${name}"`);
  return write;
};

type Case = { write: string; label: string; input: unknown };
const cases: Case[] = [];
for (const [name, { valid, long = [], optional = [] }] of Object.entries(writes)) {
  for (const [label, input] of [
    ["null", null],
    ["an array", [valid]],
    ["a string", JSON.stringify(valid)],
    ["a number", 42],
  ] as const)
    cases.push({ write: name, label, input });
  for (const key of Object.keys(valid)) {
    const { [key]: _gone, ...missing } = valid;
    if (!optional.includes(key)) cases.push({ write: name, label: `${key} missing`, input: missing });
    cases.push({ write: name, label: `${key} a number`, input: { ...valid, [key]: 7 } });
    cases.push({ write: name, label: `${key} an object`, input: { ...valid, [key]: { $gt: "" } } });
    if (!long.includes(key))
      cases.push({ write: name, label: `${key} 100,000 characters`, input: { ...valid, [key]: huge } });
  }
}

describe("every write refuses bad input with a 400 and a message, before touching anything", () => {
  it.each(cases)("$write: $label", async ({ write, input }) => {
    const result = await writeOf(write)(input);
    if (result.ok) expect.unreachable(`accepted: ${JSON.stringify(input).slice(0, 200)}`);
    expect(result.status, JSON.stringify(result)).toBe(400);
    expect(result.message).toMatch(/\w{3}/);
    expect(result.message).not.toMatch(/Something went wrong|undefined|\[object/);
  });

  it("covers every write the pipeline defines, as defineWrite registered them", () => {
    expect(Object.keys(writes).sort()).toEqual([...registeredWrites().keys()].sort());
    expect(cases.length).toBeGreaterThan(150);
  });
});

describe("the draft write's choice field", () => {
  it('is "aside" or absent: anything else a client sends is refused with a 400 and a message', async () => {
    const draft = writeOf("exercise.draft");
    const { valid } = writes["exercise.draft"]!;
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((v) => v !== "aside" && v !== undefined),
        async (settles) => {
          const result = await draft({ ...valid, settles });
          if (result.ok) expect.unreachable(`accepted settles: ${String(settles)}`);
          expect(result.status).toBe(400);
          expect(result.message).toMatch(/\w{3}/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
