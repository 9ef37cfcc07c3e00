import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { passwordProblem } from "./passwords";
import { ROLES, type Role } from "./roles";

export type CreateUserInput = { email: string; name: string; password: string; role: Role };

/**
 * Creates an email/password account the way better-auth's sign-up stores one (a User plus a
 * "credential" Account holding the password hash), for the `user` command and test factories.
 */
export async function createUser(db: PrismaClient, input: CreateUserInput): Promise<{ id: string }> {
  const problem = passwordProblem(input.password, { email: input.email, name: input.name });
  if (problem) throw new Error(problem);
  if (!ROLES.includes(input.role)) throw new Error(`Role must be one of ${ROLES.join(", ")}`);
  const email = input.email.trim().toLowerCase();
  const id = randomUUID().replace(/-/g, "");
  const now = new Date();
  await db.user.create({
    data: {
      id,
      email,
      name: input.name.trim(),
      role: input.role,
      emailVerified: false,
      createdAt: now,
      updatedAt: now,
      accounts: {
        create: {
          id: randomUUID().replace(/-/g, ""),
          accountId: id,
          providerId: "credential",
          password: await hashPassword(input.password),
          createdAt: now,
          updatedAt: now,
        },
      },
    },
  });
  return { id };
}

/** Sets an existing account's role; returns false when no account has that email. */
export async function setRole(db: PrismaClient, email: string, role: Role): Promise<boolean> {
  const result = await db.user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { role } });
  return result.count > 0;
}
