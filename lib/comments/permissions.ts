import { isStaff, type Role } from "@/lib/auth/roles";

export type Actor = { id: string; role: Role } | null;
export type CommentAction = "post" | "reply" | "edit" | "delete" | "hide" | "unhide" | "report" | "seeHidden";
export type CommentFacts = { authorId: string | null; deletedAt: Date | null; hiddenAt: Date | null };

/**
 * Who may do what to a comment. The actor (and role) always comes from the server's session.
 * Only the author edits; the author or a moderator deletes; only moderators hide, unhide and
 * see hidden comments; anyone signed in posts, replies and reports others' comments.
 */
export function can(actor: Actor, action: CommentAction, comment?: CommentFacts): boolean {
  if (!actor) return false;
  const staff = isStaff(actor.role);
  const own = comment?.authorId != null && comment.authorId === actor.id;
  const deleted = Boolean(comment?.deletedAt);
  switch (action) {
    case "post":
      return true;
    case "reply":
      return !!comment && !deleted && (!comment.hiddenAt || staff);
    case "edit":
      return !!comment && own && !deleted;
    case "delete":
      return !!comment && !deleted && (own || staff);
    case "hide":
      return !!comment && staff && !deleted && !comment.hiddenAt;
    case "unhide":
      return !!comment && staff && !!comment.hiddenAt;
    case "report":
      return !!comment && !own && !deleted;
    case "seeHidden":
      return staff;
  }
}
