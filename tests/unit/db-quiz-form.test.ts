// The quiz form without JavaScript, through the one write pipeline against a real database (run
// once per provider): the form's own inputs are the answers, the server derives the submission
// id (lib/quiz/form-submission.ts), the same post again within 30 s is the same attempt, and a
// missing answer stores nothing and gives the answers back. The request is the only stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { optionId, quizVersion } from "@/lib/content/quiz-public";
import type { QuizDefinition } from "@/lib/content/quiz-schema";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

const request = vi.hoisted(() => ({ learnerId: null as string | null }));

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));
vi.mock("@/lib/security/request-address", () => ({ requestAddress: async () => "192.0.2.8" }));
vi.mock("@/lib/auth/identity", async () => {
  const { db } = await import("@/lib/db");
  return {
    currentLearnerId: async () => request.learnerId,
    ensureLearner: async () => {
      request.learnerId ??= (await db.learner.create({ data: {}, select: { id: true } })).id;
      return request.learnerId;
    },
  };
});

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let form: typeof import("@/lib/quiz/form-write");
let derive: typeof import("@/lib/quiz/form-submission");
let review: typeof import("@/lib/review/quiz-form");
let quiz: QuizDefinition;
const target = { course: "docker", lesson: "multi-stage-builds" };

beforeAll(async () => {
  database = await migratedTestDatabase("quiz-form");
  process.env.DATABASE_URL = database.url;
  process.env.LECTERN_RATE_LIMIT_SCALE = "100000";
  ({ db } = await import("@/lib/db"));
  form = await import("@/lib/quiz/form-write");
  derive = await import("@/lib/quiz/form-submission");
  review = await import("@/lib/review/quiz-form");
  const { lessonQuizzes } = await import("@/lib/quiz/lookup");
  quiz = (await lessonQuizzes(target.course, target.lesson))![0]!;
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(() => {
  request.learnerId = null;
});

/** The form as the browser posts it without JavaScript: every question right, but `skip`; `wrongFill` types a wrong word. */
function posted({ skip, wrongFill = false }: { skip?: string; wrongFill?: boolean } = {}) {
  const data = new FormData();
  for (const [k, v] of Object.entries({
    ...target,
    quizId: quiz.id,
    version: quizVersion(quiz),
    submissionId: "",
  }))
    data.append(k, v);
  for (const q of quiz.questions) {
    if (q.id === skip) continue;
    const name = `${quiz.id}-${q.id}`;
    const id = (text: string) => optionId(quiz.id, q.id, text);
    if (q.type === "single" || q.type === "multiple")
      for (const c of q.choices.filter((c) => c.correct)) data.append(name, id(c.text));
    if (q.type === "truefalse") data.append(name, String(q.answer));
    if (q.type === "fill") data.append(name, wrongFill ? "nope" : q.accept[0]!);
    if (q.type === "numeric") data.append(name, String(q.answer));
    if (q.type === "order") for (const [i, t] of q.items.entries()) data.append(name, `${id(t)}@${i + 1}`);
  }
  return data;
}

const attempts = () => db.quizAttempt.count({ where: { learnerId: request.learnerId ?? "" } });

describe(`the quiz form without JavaScript on ${TEST_PROVIDER}`, () => {
  it("grades the form's own inputs once: the same post again is the same attempt", async () => {
    const first = await form.submitQuizForm(posted());
    if (!first.ok) expect.unreachable(first.message);
    expect(first.data.result).toMatchObject({ percent: 100, passed: true });
    expect(first.data.repeated).toBe(false);
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: first.data.attemptId } });
    expect(stored.submissionId).toMatch(/^form-[0-9a-f]{32}$/);
    expect(JSON.parse(stored.answers)).toEqual(first.answers);

    const again = await form.submitQuizForm(posted());
    if (!again.ok) expect.unreachable(again.message);
    expect(again.data).toMatchObject({ attemptId: first.data.attemptId, repeated: true });
    expect(await attempts()).toBe(1);

    // Other answers are a new attempt; the first answers after them are one more.
    const other = await form.submitQuizForm(posted({ wrongFill: true }));
    if (!other.ok) expect.unreachable(other.message);
    expect(other.data.repeated).toBe(false);
    const back = await form.submitQuizForm(posted());
    if (!back.ok) expect.unreachable(back.message);
    expect(back.data.repeated).toBe(false);
    expect(await attempts()).toBe(3);
  });

  it("derives a new id once 30 s have passed, and a different one for another learner", async () => {
    const first = await form.submitQuizForm(posted());
    if (!first.ok) expect.unreachable(first.message);
    const learnerId = request.learnerId!;
    const key = { learnerId, ...target, quizId: quiz.id, version: quizVersion(quiz) };
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: first.data.attemptId } });
    const answers = JSON.parse(stored.answers);
    expect(await derive.quizFormSubmissionId(key, answers)).toBe(stored.submissionId);
    await db.quizAttempt.update({
      where: { id: stored.id },
      data: { createdAt: new Date(Date.now() - 31_000) },
    });
    const later = await derive.quizFormSubmissionId(key, answers);
    expect(later).not.toBe(stored.submissionId);
    expect(later).toMatch(/^form-[0-9a-f]{32}$/);
    const someone = (await db.learner.create({ data: {}, select: { id: true } })).id;
    const theirs = await derive.quizFormSubmissionId({ ...key, learnerId: someone }, answers);
    expect(theirs).not.toBe(later);
    expect(theirs).not.toBe(stored.submissionId);
  });

  it("a missing answer stores nothing (not even a learner) and gives every other answer back", async () => {
    const skipped = quiz.questions[0]!;
    const people = await db.learner.count();
    const result = await form.submitQuizForm(posted({ skip: skipped.id }));
    if (result.ok) expect.unreachable("accepted");
    expect(result.message).toBe("Question 1 has no answer");
    expect(result.fieldErrors).toEqual({ [skipped.id]: "Question 1 has no answer" });
    expect(Object.keys(result.answers ?? {})).toEqual(quiz.questions.slice(1).map((q) => q.id));
    expect(await db.learner.count()).toBe(people);
  });

  it("a bad order is refused with its question's message, with the other answers back", async () => {
    const order = quiz.questions.findIndex((q) => q.type === "order");
    const data = posted();
    const name = `${quiz.id}-${quiz.questions[order]!.id}`;
    const positions = data.getAll(name) as string[];
    data.delete(name);
    for (const p of positions) data.append(name, p.replace(/@\d+$/, "@1"));
    const result = await form.submitQuizForm(data);
    if (result.ok) expect.unreachable("accepted");
    expect(result.message).toMatch(new RegExp(`^Question ${order + 1}: give each item its own position`));
    expect(Object.keys(result.answers ?? {})).toHaveLength(quiz.questions.length - 1);
    expect(request.learnerId).toBeNull();
  });
});

describe(`"Add to review" from the graded quiz form without JavaScript on ${TEST_PROVIDER}`, () => {
  /** The graded page's form as its "Add to review" button posts it (the answers are disabled, so not sent). */
  function addPost(questionId: string, attemptId: string) {
    const data = new FormData();
    for (const [k, v] of Object.entries({ ...target, quizId: quiz.id, version: quizVersion(quiz) }))
      data.append(k, v);
    data.append("submissionId", "");
    data.append("attemptId", attemptId);
    data.append("addToReview", questionId);
    return data;
  }
  const cards = () =>
    db.reviewCard.findMany({
      where: { learnerId: request.learnerId ?? "" },
      select: { itemId: true, due: true },
    });

  it("adds the question once and shows the stored attempt again, not the post, without a new attempt", async () => {
    const graded = await form.submitQuizForm(posted({ wrongFill: true }));
    if (!graded.ok) expect.unreachable(graded.message);
    const fill = quiz.questions.find((q) => q.type === "fill")!;
    const single = quiz.questions.find((q) => q.type === "single")!;
    const post = addPost(single.id, graded.data.attemptId);
    // An answer in the post (forged: the graded page sends none) is not what the page shows.
    post.append(`${quiz.id}-${fill.id}`, "forged");

    const added = await review.addToReviewFromQuizForm(post);
    if (!added.ok) expect.unreachable(added.message);
    expect(added.review).toMatchObject({ questionId: single.id, result: { ok: true } });
    expect(added.answers).toEqual(graded.answers);
    expect(added.data.result).toEqual(graded.data.result);
    expect(added.data).toMatchObject({ attemptId: graded.data.attemptId, repeated: false });
    expect(added.data.progress).toEqual(graded.data.progress);
    const after = await cards();
    const missed = graded.data.result.questions.filter((q) => !q.correct).map((q) => q.id);
    expect(missed).toContain(fill.id);
    expect(after.map((c) => c.itemId).sort()).toEqual([...missed, single.id].sort());
    expect(added.review?.inReview).toEqual(
      Object.fromEntries(after.map((c) => [c.itemId, c.due.toISOString()])),
    );

    // Sent again (a reload): the same card on the same schedule, and still one attempt.
    const again = await review.addToReviewFromQuizForm(addPost(single.id, graded.data.attemptId));
    expect(again.review).toEqual(added.review);
    expect(await cards()).toEqual(after);
    expect(await attempts()).toBe(1);
  });

  it("a refused add says why beside its question and keeps the graded attempt on screen", async () => {
    const graded = await form.submitQuizForm(posted());
    if (!graded.ok) expect.unreachable(graded.message);
    const refused = await review.addToReviewFromQuizForm(addPost("no-such-question", graded.data.attemptId));
    if (!refused.ok) expect.unreachable(refused.message);
    expect(refused.review?.result).toMatchObject({ ok: false, status: 404 });
    expect(refused.review?.result.ok === false && refused.review.result.message).toMatch(/does not exist/);
    expect(refused.data.result).toEqual(graded.data.result);
    expect(await cards()).toEqual([]);
  });

  it("another learner's attempt is never shown: the page says to take the quiz again", async () => {
    const graded = await form.submitQuizForm(posted());
    if (!graded.ok) expect.unreachable(graded.message);
    request.learnerId = null;
    const other = await review.addToReviewFromQuizForm(addPost(quiz.questions[0]!.id, graded.data.attemptId));
    if (other.ok) expect.unreachable("shown to someone else");
    expect(other.message).toMatch(/take the quiz again/);
    expect(other.answers).toBeUndefined();
  });
});
