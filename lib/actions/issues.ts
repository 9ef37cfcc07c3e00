import type { z } from "zod";

/**
 * A person-readable message for a validation issue that names the field: zod's defaults
 * ("Invalid input: expected string, received undefined") say neither which field nor what to do.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.join(".") : "The request";
  // Keep the messages our schemas write themselves; rewrite only zod's generic ones.
  if (issue.code === "invalid_type" && /^Invalid input/.test(issue.message)) {
    if (/received undefined$/.test(issue.message)) return `${field} is required`;
    return `${field} must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
  }
  if (issue.code === "unrecognized_keys") return `${field} has unknown fields: ${issue.keys.join(", ")}`;
  return issue.path.length && !issue.message.toLowerCase().includes(field.toLowerCase())
    ? `${field}: ${issue.message}`
    : issue.message;
}

/** The first message per field, for forms. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "form"] ??= issueMessage(issue);
  return fields;
}
