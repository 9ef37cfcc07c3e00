import Link from "next/link";

const TOOLS = [
  { href: "/instructor/preview", label: "Live preview" },
  { href: "/instructor/quizzes", label: "Quiz item analysis" },
  { href: "/instructor/exercises", label: "Exercise item analysis" },
  { href: "/instructor/learners", label: "Learners" },
  { href: "/moderation", label: "Moderation" },
] as const;

/** Links between the instructor tools, with the current one marked for assistive tech. */
export function InstructorNav({ current }: { current?: (typeof TOOLS)[number]["href"] }) {
  return (
    <nav aria-label="Instructor tools" className="mb-6 text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 pl-0">
        <li className="list-none">
          <Link href="/instructor">Instructor</Link>
        </li>
        {TOOLS.map((t) => (
          <li key={t.href} className="list-none">
            <Link
              href={t.href}
              aria-current={current === t.href ? "page" : undefined}
              className={current === t.href ? "font-semibold" : undefined}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
