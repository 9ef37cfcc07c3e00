import { z } from "zod";
import { safeNextPath } from "@/lib/security/next-path";

export const EmailSchema = z
  .string({ message: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .email("Enter a valid email address");

export const DisplayNameSchema = z
  .string({ message: "Enter a display name" })
  .trim()
  .min(1, "Enter a display name")
  .max(60, "Use at most 60 characters")
  .refine(
    (n) => ![...n].some((ch) => ch.charCodeAt(0) < 32 || ch === "<" || ch === ">"),
    "Use letters, digits and ordinary punctuation",
  );

/**
 * A same-site path to return to after signing in; anything else (another site, control
 * characters, a repeated parameter) becomes "/". See lib/security/next-path.ts.
 */
export const NextPathSchema = z.unknown().optional().transform(safeNextPath);

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z
    .string({ message: "Enter your password" })
    .min(1, "Enter your password")
    .max(128, "That password is too long"),
  next: NextPathSchema,
});

export const SignUpSchema = z.object({
  name: DisplayNameSchema,
  email: EmailSchema,
  password: z.string({ message: "Choose a password" }).max(128, "Use at most 128 characters"),
  next: NextPathSchema,
  /** Honeypot: people leave it empty; form-filling bots do not. */
  website: z.string().max(0, "Leave the website field empty").optional(),
});
