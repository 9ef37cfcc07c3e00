import { Field } from "@/components/ui/field";

// lib/auth/passwords.ts enforces the rules on the server; importing it here would ship its list
// of common passwords to the browser.
const PASSWORD_MIN_LENGTH = 10;

/** The "New password" field with the rules every new password follows (lib/auth/passwords.ts). */
export function NewPasswordField({ error, consequence }: { error?: string; consequence: string }) {
  return (
    <Field
      label="New password"
      name="newPassword"
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={128}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password. ${consequence}`}
      error={error}
    />
  );
}
