import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { type Actor, type CommentAction, type CommentFacts, can } from "@/lib/comments/permissions";

const AUTHOR = "author-id";
const comment: CommentFacts = { authorId: AUTHOR, deletedAt: null, hiddenAt: null };
const hidden: CommentFacts = { ...comment, hiddenAt: new Date() };
const deleted: CommentFacts = { ...comment, deletedAt: new Date() };

const actors: Record<string, Actor> = {
  anonymous: null,
  learner: { id: "someone-else", role: "learner", verified: true },
  author: { id: AUTHOR, role: "learner", verified: true },
  instructor: { id: "teacher", role: "instructor", verified: true },
  admin: { id: "root", role: "admin" as Role, verified: true },
};

// Expected answers for a live (not hidden, not deleted) comment.
const matrix: Record<CommentAction, Record<keyof typeof actors, boolean>> = {
  post: { anonymous: false, learner: true, author: true, instructor: true, admin: true },
  reply: { anonymous: false, learner: true, author: true, instructor: true, admin: true },
  edit: { anonymous: false, learner: false, author: true, instructor: false, admin: false },
  delete: { anonymous: false, learner: false, author: true, instructor: true, admin: true },
  hide: { anonymous: false, learner: false, author: false, instructor: true, admin: true },
  unhide: { anonymous: false, learner: false, author: false, instructor: false, admin: false },
  report: { anonymous: false, learner: true, author: false, instructor: true, admin: true },
  seeHidden: { anonymous: false, learner: false, author: false, instructor: true, admin: true },
};

describe("who may do what to a comment", () => {
  for (const [action, row] of Object.entries(matrix) as [CommentAction, Record<string, boolean>][]) {
    for (const [who, expected] of Object.entries(row)) {
      it(`${who} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can(actors[who]!, action, comment)).toBe(expected);
      });
    }
  }

  it("only moderators unhide, and only hidden comments", () => {
    expect(can(actors.instructor!, "unhide", hidden)).toBe(true);
    expect(can(actors.admin!, "unhide", hidden)).toBe(true);
    expect(can(actors.author!, "unhide", hidden)).toBe(false);
    expect(can(actors.instructor!, "hide", hidden)).toBe(false);
  });

  it("nobody edits, deletes, reports or replies to a deleted comment", () => {
    for (const who of Object.values(actors)) {
      for (const action of ["edit", "delete", "report", "reply", "hide"] as const)
        expect(can(who, action, deleted)).toBe(false);
    }
  });

  it("learners cannot reply to a hidden comment; moderators can", () => {
    expect(can(actors.learner!, "reply", hidden)).toBe(false);
    expect(can(actors.instructor!, "reply", hidden)).toBe(true);
  });

  it("an account whose address is not confirmed reads but does not post, reply or report; it still edits and deletes its own", () => {
    const unconfirmed: Actor = { id: AUTHOR, role: "learner", verified: false };
    const other: CommentFacts = { ...comment, authorId: "someone-else" };
    expect(can(unconfirmed, "post")).toBe(false);
    expect(can(unconfirmed, "reply", other)).toBe(false);
    expect(can(unconfirmed, "report", other)).toBe(false);
    expect(can(unconfirmed, "edit", comment)).toBe(true);
    expect(can(unconfirmed, "delete", comment)).toBe(true);
    const unconfirmedStaff: Actor = { id: "teacher", role: "instructor", verified: false };
    expect(can(unconfirmedStaff, "hide", other)).toBe(true);
  });
});
