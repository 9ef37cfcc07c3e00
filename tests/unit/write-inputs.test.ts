// Every write of the one pipeline (each server action and JSON route calls one of these) is sent
// malformed, oversized, wrong-typed and missing inputs: each must answer 400 with a readable
// message from the parse step, before anything identifies the caller or touches the database.
// (Were a case to get past parsing, the write would go on to read the request outside one and
// answer 500: the test would fail.) The instructor preview's inputs are covered by
// tests/e2e/instructor.spec.ts; route handlers' HTTP handling by tests/e2e/bad-input.spec.ts.
import { describe, expect, it } from "vitest";
import { changePassword, deleteAccount, signOutEverywhere, updateName } from "@/lib/auth/account-writes";
import { signIn, signUp } from "@/lib/auth/writes";
import {
  dismissWrite,
  editWrite,
  hideWrite,
  postWrite,
  removeWrite,
  reportWrite,
} from "@/lib/comments/writes";
import { markComplete, submitQuiz } from "@/lib/progress/lesson-writes";
import { resetProgress } from "@/lib/progress/reset-write";

type Write = (raw: unknown) => Promise<{ ok: boolean; status?: number; message?: string }>;

const uuid = "8b7df143-d91c-4ecb-a7e5-6b6f3d2f7d3f";
const commentId = "cmwz63o810001lc7dfv65tj3n";
const huge = "x".repeat(100_000);

/** A well-formed input for each write, which the cases below break one way at a time. */
const writes: Record<string, { write: Write; valid: Record<string, unknown> }> = {
  "sign in": { write: signIn, valid: { email: "a@example.test", password: "long-enough-password" } },
  "sign up": {
    write: signUp,
    valid: { name: "Ada", email: "a@example.test", password: "long-enough-password" },
  },
  "quiz submission": {
    write: submitQuiz,
    valid: {
      course: "docker",
      lesson: "volumes",
      quizId: "part-5-check",
      version: "0123456789ab",
      submissionId: uuid,
      answers: "{}",
    },
  },
  "mark complete": { write: markComplete, valid: { course: "docker", lesson: "volumes", complete: "true" } },
  "reset progress": { write: resetProgress, valid: { course: "docker", confirm: "reset" } },
  "post comment": {
    write: postWrite,
    valid: { course: "docker", lesson: "volumes", body: "Hello", submissionId: uuid },
  },
  "edit comment": { write: editWrite, valid: { id: commentId, body: "Hello again" } },
  "delete comment": { write: removeWrite, valid: { id: commentId } },
  "hide comment": { write: hideWrite, valid: { id: commentId, hidden: "true" } },
  "dismiss reports": { write: dismissWrite, valid: { id: commentId } },
  "report comment": { write: reportWrite, valid: { id: commentId, reason: "spam" } },
  "change display name": { write: updateName, valid: { name: "Ada Lovelace" } },
  "change password": {
    write: changePassword,
    valid: { currentPassword: "old-password-here", newPassword: "a-new-long-password" },
  },
  "sign out everywhere": { write: signOutEverywhere, valid: {} },
  "delete account": { write: deleteAccount, valid: { password: "my-password-here", confirm: "delete" } },
};

type Case = { write: string; label: string; input: unknown };
const cases: Case[] = [];
for (const [name, { valid }] of Object.entries(writes)) {
  for (const [label, input] of [
    ["null", null],
    ["an array", [valid]],
    ["a string", JSON.stringify(valid)],
    ["a number", 42],
  ] as const)
    cases.push({ write: name, label, input });
  for (const key of Object.keys(valid)) {
    const { [key]: _gone, ...missing } = valid;
    cases.push({ write: name, label: `${key} missing`, input: missing });
    cases.push({ write: name, label: `${key} a number`, input: { ...valid, [key]: 7 } });
    cases.push({ write: name, label: `${key} an object`, input: { ...valid, [key]: { $gt: "" } } });
    cases.push({ write: name, label: `${key} 100,000 characters`, input: { ...valid, [key]: huge } });
  }
}

describe("every write refuses bad input with a 400 and a message, before touching anything", () => {
  it.each(cases)("$write: $label", async ({ write, input }) => {
    const result = await writes[write]!.write(input);
    expect(result.ok).toBe(false);
    expect(result.status, JSON.stringify(result)).toBe(400);
    expect(result.message).toMatch(/\w{3}/);
    expect(result.message).not.toMatch(/Something went wrong|undefined|\[object/);
  });

  it("covers every write the pipeline defines", () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(new Set(cases.map((c) => c.write)).size).toBe(Object.keys(writes).length);
  });
});
