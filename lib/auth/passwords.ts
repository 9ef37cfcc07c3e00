import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const common = new Set(COMMON_PASSWORDS);

/** Letters only, lower-cased: "P@ssw0rd2024!" → "psswrd", also with leetspeak undone. */
function skeletons(password: string): string[] {
  const lower = password.toLowerCase();
  const unleet = lower
    .replace(/[@4]/g, "a")
    .replace(/3/g, "e")
    .replace(/[1!|]/g, "i")
    .replace(/0/g, "o")
    .replace(/[$5]/g, "s")
    .replace(/7/g, "t");
  const stripped = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  return [lower, unleet, stripped, unleet.replace(/[\d\W_]+$/u, "")];
}

function isSequence(password: string): boolean {
  const p = password.toLowerCase();
  if (new Set(p).size <= 2) return true;
  const runs = [
    "0123456789",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn",
  ];
  return runs.some(
    (run) =>
      (run + run).includes(p) || ([...run].reverse().join("") + [...run].reverse().join("")).includes(p),
  );
}

/**
 * Why a password is refused, or null when it is acceptable: at least 10 characters, not a
 * common password (even with digits or symbols around it or leetspeak), not a keyboard or
 * alphabet run, and not the person's email or name. Never logs or returns the password.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (skeletons(password).some((s) => common.has(s)))
    return "This password is too common; choose one that is not on breach lists.";
  if (isSequence(password)) return "This password is a simple pattern; choose something less predictable.";
  const lower = password.toLowerCase();
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return "Do not use your email address in your password.";
  const name = context.name?.trim().toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) return "Do not use your name in your password.";
  return null;
}
