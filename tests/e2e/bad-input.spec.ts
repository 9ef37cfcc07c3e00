import { expect, test } from "@playwright/test";

type Case = {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
  type?: string;
  expect: number | number[];
};

const quizBase = {
  course: "docker",
  lesson: "volumes",
  quizId: "part-5-check",
  version: "000000000000",
  submissionId: "8b7df143-d91c-4ecb-a7e5-6b6f3d2f7d3f",
};
const json = (v: unknown) => JSON.stringify(v);

/** Malformed, oversized, wrong-typed and missing inputs for every route handler that takes input. */
const cases: Case[] = [
  {
    name: "quiz: not JSON",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: "{not json",
    expect: 400,
  },
  {
    name: "quiz: wrong content type",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: json(quizBase),
    type: "text/plain",
    expect: 415,
  },
  { name: "quiz: empty object", method: "POST", path: "/api/learner/quiz-attempts", body: "{}", expect: 400 },
  { name: "quiz: array body", method: "POST", path: "/api/learner/quiz-attempts", body: "[]", expect: 400 },
  { name: "quiz: null body", method: "POST", path: "/api/learner/quiz-attempts", body: "null", expect: 400 },
  {
    name: "quiz: answers a number",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: json({ ...quizBase, answers: 5 }),
    expect: 400,
  },
  {
    name: "quiz: bad submission id",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: json({ ...quizBase, submissionId: "x", answers: {} }),
    expect: 400,
  },
  {
    name: "quiz: course wrong type",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: json({ ...quizBase, course: 7, answers: {} }),
    expect: 400,
  },
  {
    name: "quiz: unknown quiz",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: json({ ...quizBase, quizId: "nope", answers: {} }),
    expect: 404,
  },
  {
    name: "quiz: unknown lesson",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: json({ ...quizBase, lesson: "nope", answers: {} }),
    expect: 404,
  },
  {
    name: "quiz: oversized body",
    method: "POST",
    path: "/api/learner/quiz-attempts",
    body: json({ ...quizBase, answers: { a: "x".repeat(40_000) } }),
    expect: 413,
  },
  {
    name: "completion: missing fields",
    method: "POST",
    path: "/api/learner/completions",
    body: "{}",
    expect: 400,
  },
  {
    name: "completion: complete a string",
    method: "POST",
    path: "/api/learner/completions",
    body: json({ course: "docker", lesson: "volumes", complete: "maybe" }),
    expect: 400,
  },
  {
    name: "completion: unknown lesson",
    method: "POST",
    path: "/api/learner/completions",
    body: json({ course: "docker", lesson: "nope", complete: true }),
    expect: 404,
  },
  { name: "visit: not JSON", method: "POST", path: "/api/learner/visit", body: "<xml/>", expect: 400 },
  {
    name: "visit: bad section id",
    method: "POST",
    path: "/api/learner/visit",
    body: json({ course: "docker", lesson: "volumes", section: "<script>" }),
    expect: 400,
  },
  {
    name: "visit: oversized",
    method: "POST",
    path: "/api/learner/visit",
    body: json({ course: "docker", lesson: "volumes", section: "a".repeat(5000) }),
    expect: 413,
  },
  { name: "progress: missing course", method: "GET", path: "/api/learner/progress", expect: 400 },
  {
    name: "progress: bad course",
    method: "GET",
    path: "/api/learner/progress?course=../../etc",
    expect: 400,
  },
  { name: "comments: missing lesson", method: "GET", path: "/api/comments?course=docker", expect: 400 },
  {
    name: "comments: unknown lesson",
    method: "GET",
    path: "/api/comments?course=docker&lesson=nope",
    expect: 404,
  },
  {
    name: "comments: bad order",
    method: "GET",
    path: "/api/comments?course=docker&lesson=volumes&order=sideways",
    expect: 400,
  },
  {
    name: "comment post: signed out",
    method: "POST",
    path: "/api/comments",
    body: json({ course: "docker", lesson: "volumes", body: "hi", submissionId: quizBase.submissionId }),
    expect: 401,
  },
  { name: "comment post: not JSON", method: "POST", path: "/api/comments", body: "body=hi", expect: 400 },
  {
    name: "comment post: body too long",
    method: "POST",
    path: "/api/comments",
    body: json({
      course: "docker",
      lesson: "volumes",
      body: "x".repeat(5001),
      submissionId: quizBase.submissionId,
    }),
    expect: 400,
  },
  {
    name: "sign-in: missing password",
    method: "POST",
    path: "/api/auth/sign-in",
    body: json({ email: "a@example.test" }),
    expect: 400,
  },
  {
    name: "sign-in: email wrong type",
    method: "POST",
    path: "/api/auth/sign-in",
    body: json({ email: ["a"], password: "x" }),
    expect: 400,
  },
  {
    name: "sign-in: unknown account",
    method: "POST",
    path: "/api/auth/sign-in",
    body: json({ email: "nobody@example.test", password: "whatever-long" }),
    expect: 400,
  },
  {
    name: "password reset: not JSON",
    method: "POST",
    path: "/api/auth/password-reset",
    body: "email=a@example.test",
    expect: 400,
  },
  {
    name: "password reset: wrong content type",
    method: "POST",
    path: "/api/auth/password-reset",
    body: json({ email: "a@example.test" }),
    type: "text/plain",
    expect: 415,
  },
  {
    name: "password reset: missing email",
    method: "POST",
    path: "/api/auth/password-reset",
    body: "{}",
    expect: 400,
  },
  {
    name: "password reset: email wrong type",
    method: "POST",
    path: "/api/auth/password-reset",
    body: json({ email: { $gt: "" } }),
    expect: 400,
  },
  {
    name: "password reset: oversized body",
    method: "POST",
    path: "/api/auth/password-reset",
    body: json({ email: `${"x".repeat(2000)}@example.test` }),
    expect: 413,
  },
];

for (const c of cases) {
  test(`bad input is refused with a clear message: ${c.name}`, async ({ request }) => {
    const before = await (await request.get("/api/learner/progress?course=docker")).json();
    const res = await request.fetch(c.path, {
      method: c.method,
      headers: c.body !== undefined ? { "content-type": c.type ?? "application/json" } : {},
      data: c.body,
    });
    expect([c.expect].flat()).toContain(res.status());
    const body = await res.json();
    expect(typeof body.error).toBe("string");
    expect(body.error.length).toBeGreaterThan(5);
    expect(body.error).not.toMatch(/prisma|sqlite|stack|TypeError|undefined/i);
    // Nothing was written for this browser.
    const after = await (await request.get("/api/learner/progress?course=docker")).json();
    expect(after).toEqual(before);
  });
}
