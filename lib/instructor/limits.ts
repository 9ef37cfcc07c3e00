/** The largest lesson source the preview compiles (UTF-8 bytes); the longest real lesson is ~40 KB. */
export const PREVIEW_MAX_BYTES = 200 * 1024;

/** A preview compile still running after this long is stopped (its thread is terminated). */
export const PREVIEW_TIMEOUT_MS = 5_000;

/**
 * How long a preview compile may wait for its turn and for a warm compiler thread before it
 * starts (its time limit starts then); past this it is refused as busy.
 */
export const PREVIEW_WAIT_LIMIT_MS = 30_000;

/** Typing is compiled after this pause. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** Size of a source in UTF-8 bytes, the unit of the limit. */
export function sourceBytes(source: string): number {
  return new TextEncoder().encode(source).length;
}

/** The message for a source over the size limit. */
export function tooLargeMessage(bytes: number): string {
  return `The source is ${Math.ceil(bytes / 1024)} KB; the preview compiles at most ${PREVIEW_MAX_BYTES / 1024} KB. Split the lesson or remove some of it.`;
}
