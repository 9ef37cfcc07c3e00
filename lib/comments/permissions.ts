import { isStaff, type Role } from "@/lib/auth/roles";

/** Who acts; `verified` is whether their email address was confirmed by a link. */
export type Actor = { id: string; role: Role; verified: boolean } | null;
type Person = { id: string; role: Role; emailVerified: boolean };

/** The actor for a signed-in person (or null), as the session has them. */
export function toActor(user: Person): NonNullable<Actor>;
export function toActor(user: Person | null): Actor;
export function toActor(user: Person | null): Actor {
  return user ? { id: user.id, role: user.role, verified: user.emailVerified } : null;
}

/** Why an account with an unconfirmed address cannot post, reply or report (shown to that person). */
export const CONFIRM_TO_POST =
  "Confirm your email address to take part in the discussion: follow the link we sent you, or send a new one from your account page.";

/** Why a suspended author cannot post, reply or edit (shown to that person). */
export const POSTING_SUSPENDED =
  "A moderator has suspended your posting: you can read the discussion, but not post, reply or edit comments.";

export type CommentAction = "post" | "reply" | "edit" | "delete" | "hide" | "unhide" | "report" | "seeHidden";
export type CommentFacts = { authorId: string | null; deletedAt: Date | null; hiddenAt: Date | null };

/**
 * Who may do what to a comment. The actor (and role) always comes from the server's session.
 * Only the author edits; the author or a moderator deletes; only moderators hide, unhide and
 * see hidden comments; anyone signed in with a confirmed email address posts, replies and
 * reports others' comments (an unconfirmed account reads, takes quizzes and keeps progress:
 * docs/decisions/020-mail-queue-and-account-links.md).
 */
export function can(actor: Actor, action: CommentAction, comment?: CommentFacts): boolean {
  if (!actor) return false;
  const staff = isStaff(actor.role);
  const own = comment?.authorId != null && comment.authorId === actor.id;
  const deleted = Boolean(comment?.deletedAt);
  switch (action) {
    case "post":
      return actor.verified;
    case "reply":
      return actor.verified && !!comment && !deleted && (!comment.hiddenAt || staff);
    case "edit":
      return !!comment && own && !deleted;
    case "delete":
      return !!comment && !deleted && (own || staff);
    case "hide":
      return !!comment && staff && !deleted && !comment.hiddenAt;
    case "unhide":
      return !!comment && staff && !!comment.hiddenAt;
    case "report":
      return actor.verified && !!comment && !own && !deleted;
    case "seeHidden":
      return staff;
  }
}
