// The form of a slug without zod, for code that runs in the browser (zod is ≈118 KB there):
// ./slug.ts builds SlugSchema from these, so there is one definition.

/** Lowercase words joined by hyphens, e.g. multi-stage-builds. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;

/** Whether `value` is a slug (what SlugSchema accepts). */
export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}
