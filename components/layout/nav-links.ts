/**
 * The site's main sections, in the header's order: the desktop navigation and the phone's menu
 * both list these, so a new section is one line here.
 */
export const NAV_LINKS: { href: string; label: string }[] = [
  { href: "/", label: "Courses" },
  { href: "/progress", label: "Progress" },
  { href: "/review", label: "Review" },
];
