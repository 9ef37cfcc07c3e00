import Link from "next/link";
import { Notice } from "@/components/ui/notice";

/** In place of the comment form while the account's address is unconfirmed. */
export function ConfirmToComment() {
  return (
    <Notice tone="warning">
      <p>
        Confirm your email address to comment: follow the link we sent you, or{" "}
        <Link href="/account#email">send a new one</Link>.
      </p>
    </Notice>
  );
}
