"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** The review form's button: disabled while the answer is being checked (a plain button without JavaScript). */
export function SubmitButton({ children, pendingText }: { children: React.ReactNode; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="primary" disabled={pending}>
      {pending ? pendingText : children}
    </Button>
  );
}
