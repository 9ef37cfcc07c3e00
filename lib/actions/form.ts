/** The string fields of a FormData (files and missing fields become undefined), for zod to validate. */
export function formFields<K extends string>(
  form: FormData,
  keys: readonly K[],
): Record<K, string | undefined> {
  const out = {} as Record<K, string | undefined>;
  for (const key of keys) {
    const value = form.get(key);
    out[key] = typeof value === "string" ? value : undefined;
  }
  return out;
}
