import { siteUrl } from "@/lib/env";
import type { Site } from "./layout";

/** The product name mails are signed with. */
export const SITE_NAME = "Lectern";

/** The site mails link to: its name and SITE_URL. */
export function mailSite(): Site {
  return { name: SITE_NAME, url: siteUrl() };
}
