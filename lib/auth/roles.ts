/** Account roles. A role comes from the database via the session, never from a request. */
export const ROLES = ["learner", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A role string from the database, defaulting to the least privileged. */
export function toRole(value: string | null | undefined): Role {
  return ROLES.includes(value as Role) ? (value as Role) : "learner";
}

/** Instructors and admins moderate comments and see instructor pages. */
export function isStaff(role: Role | null | undefined): boolean {
  return role === "instructor" || role === "admin";
}
