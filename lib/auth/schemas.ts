import { z } from "zod";

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

/** A same-site path to return to after signing in; anything else becomes "/". */
export const NextPathSchema = z
  .string()
  .optional()
  .transform((p) => (p?.startsWith("/") && !p.startsWith("//") && !p.includes("\\") ? p.slice(0, 500) : "/"));

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
