// `npm run user -- <command>`: create accounts and set roles from the command line.
//   create --email EMAIL --name NAME [--role learner|instructor|admin] [--password PASSWORD] [--verified]
//   promote --email EMAIL --role instructor|admin|learner
//   verify --email EMAIL        (marks the address as confirmed: for operators vouching for it)
//   reset-link --email EMAIL    (prints a password reset link: for sites without mail)
//   list
// Without --password, create asks for one on a terminal (input hidden) or generates one.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createResetLink, markEmailVerified } from "../lib/auth/operator";
import { ROLES, type Role } from "../lib/auth/roles";
import { createUser, setRole } from "../lib/auth/users";
import { parseEnv } from "../lib/env";
import { scriptClient } from "./lib/prisma-client";

const USAGE = `Usage:
  npm run user -- create --email EMAIL --name NAME [--role learner|instructor|admin] [--password PASSWORD] [--verified]
  npm run user -- promote --email EMAIL --role learner|instructor|admin
  npm run user -- verify --email EMAIL
  npm run user -- reset-link --email EMAIL
  npm run user -- list`;

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    verified: { type: "boolean" },
  },
  allowPositionals: false,
  strict: true,
});

function fail(message: string): never {
  console.error(`✖ ${message}\n\n${USAGE}`);
  process.exit(2);
}

function role(value: string | undefined, fallback?: Role): Role {
  const r = value ?? fallback;
  if (!r || !ROLES.includes(r as Role)) fail(`--role must be one of ${ROLES.join(", ")}`);
  return r as Role;
}

const db = scriptClient();
try {
  if (command === "create") {
    if (!values.email) fail("--email is required");
    if (!values.name) fail("--name is required");
    const generated = !values.password;
    const password = values.password ?? randomBytes(15).toString("base64url");
    const r = role(values.role, "learner");
    try {
      await createUser(db, { email: values.email, name: values.name, password, role: r });
      if (values.verified) await markEmailVerified(db, values.email);
    } catch (error) {
      const message = (error as Error).message;
      fail(
        /Unique constraint/i.test(message)
          ? `An account with ${values.email} already exists (use promote)`
          : message,
      );
    }
    console.log(
      `✔ Created ${r} ${values.email}${generated ? `\n  Password: ${password}\n  (shown once; change it on the account page)` : ""}`,
    );
  } else if (command === "promote") {
    if (!values.email) fail("--email is required");
    const r = role(values.role);
    if (!(await setRole(db, values.email, r))) fail(`No account has the email ${values.email}`);
    console.log(`✔ ${values.email} is now ${r}`);
  } else if (command === "verify") {
    if (!values.email) fail("--email is required");
    if (!(await markEmailVerified(db, values.email))) fail(`No account has the email ${values.email}`);
    console.log(`✔ ${values.email} is confirmed: the account may now post comments and get notifications`);
  } else if (command === "reset-link") {
    if (!values.email) fail("--email is required");
    const env = parseEnv();
    const link = await createResetLink(db, {
      email: values.email,
      databaseUrl: env.DATABASE_URL,
      siteUrl: (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
      secret: env.LECTERN_SECRET,
    });
    if (!link) fail(`No account has the email ${values.email}`);
    console.log(
      `✔ Password reset link for ${values.email} (works once, for 30 minutes; hand it over privately):\n  ${link}`,
    );
  } else if (command === "list") {
    const users = await db.user.findMany({
      select: { email: true, name: true, role: true, emailVerified: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    for (const u of users)
      console.log(
        `${u.role.padEnd(10)} ${u.email}  (${u.name}, since ${u.createdAt.toISOString().slice(0, 10)}${u.emailVerified ? "" : ", unconfirmed"})`,
      );
    if (users.length === 0) console.log("No accounts yet.");
  } else {
    fail(command ? `Unknown command "${command}"` : "Say what to do");
  }
} finally {
  await db.$disconnect();
}
