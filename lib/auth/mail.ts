import "server-only";
import { enqueueMail } from "@/lib/mail/queue";
import { mailSite } from "@/lib/mail/site";
import { changeEmailMail, emailChangedMail, passwordResetMail, verifyEmailMail } from "@/lib/mail/templates";
import { peekVerificationToken, resetPasswordLink, verifyEmailLink } from "./links";
import { RESET_LINK_MINUTES, VERIFY_LINK_HOURS } from "./options";

type Person = { id: string; name: string; email: string };

/** better-auth's sendResetPassword: the reset mail, queued. */
export async function queuePasswordResetMail({
  user,
  token,
}: {
  user: Person;
  token: string;
}): Promise<void> {
  const site = mailSite();
  const content = passwordResetMail({
    site,
    name: user.name,
    link: resetPasswordLink(site.url, token),
    minutes: RESET_LINK_MINUTES,
  });
  await enqueueMail({ ...content, kind: "password-reset", to: user.email, userId: user.id, sensitive: true });
}

/**
 * better-auth's sendVerificationEmail: at sign-up and on request, the link that confirms the
 * address; when the account is moving to a new address, the link that confirms the move (sent
 * to the new address, which better-auth passes as the user's email).
 */
export async function queueVerificationMail({ user, token }: { user: Person; token: string }): Promise<void> {
  const site = mailSite();
  const link = verifyEmailLink(site.url, token);
  const moving = peekVerificationToken(token).requestType === "change-email-verification";
  const content = moving
    ? changeEmailMail({ site, name: user.name, link, hours: VERIFY_LINK_HOURS, newAddress: user.email })
    : verifyEmailMail({ site, name: user.name, link, hours: VERIFY_LINK_HOURS });
  await enqueueMail({ ...content, kind: "verify-email", to: user.email, userId: user.id, sensitive: true });
}

/** Tells the old address that the account moved, in case it was not its owner who moved it. */
export async function queueEmailChangedNotice(user: Person, oldAddress: string): Promise<void> {
  const content = emailChangedMail({ site: mailSite(), name: user.name, newAddress: user.email });
  await enqueueMail({ ...content, kind: "email-changed", to: oldAddress, userId: user.id });
}
