/** One learner's progress row in one lesson, as the learner overview needs it. */
export type ProgressRecord = {
  learnerId: string;
  /** True for a learner without an account (Learner.userId null). */
  anonymous: boolean;
  lessonSlug: string;
  completed: boolean;
};

/** A head count split into anonymous and signed-up learners. */
export type Split = { anonymous: number; signedUp: number; total: number };

export type FunnelPart = {
  part: number;
  slug: string;
  title: string;
  /** False for a part listed in course.json without a published lesson. */
  published: boolean;
  started: Split;
  completed: Split;
};

export type CourseFunnel = {
  /** Learners with any progress row in the course. */
  started: Split;
  /** Learners who completed every published part. */
  completedCourse: Split;
  parts: FunnelPart[];
};

/** Counts distinct learners, apart by whether they have an account. */
export function countSplit(learners: Iterable<{ learnerId: string; anonymous: boolean }>): Split {
  const anonymous = new Set<string>();
  const signedUp = new Set<string>();
  for (const l of learners) (l.anonymous ? anonymous : signedUp).add(l.learnerId);
  return { anonymous: anonymous.size, signedUp: signedUp.size, total: anonymous.size + signedUp.size };
}

/**
 * The course funnel: who started the course, who completed each part (Part 1 to the last), and
 * who completed every published part, anonymous and signed-up learners counted apart. Rows for
 * lessons that are not parts of the course are ignored.
 */
export function courseFunnel(
  parts: { part: number; slug: string; title: string; published: boolean }[],
  rows: ProgressRecord[],
): CourseFunnel {
  const slugs = new Set(parts.map((p) => p.slug));
  const inCourse = rows.filter((r) => slugs.has(r.lessonSlug));
  const required = parts.filter((p) => p.published).map((p) => p.slug);
  const completedBy = new Map<string, { anonymous: boolean; lessons: Set<string> }>();
  for (const r of inCourse) {
    if (!r.completed) continue;
    const entry = completedBy.get(r.learnerId) ?? { anonymous: r.anonymous, lessons: new Set<string>() };
    entry.lessons.add(r.lessonSlug);
    completedBy.set(r.learnerId, entry);
  }
  const finishers = [...completedBy]
    .filter(([, e]) => required.length > 0 && required.every((slug) => e.lessons.has(slug)))
    .map(([learnerId, e]) => ({ learnerId, anonymous: e.anonymous }));
  return {
    started: countSplit(inCourse),
    completedCourse: countSplit(finishers),
    parts: [...parts]
      .sort((a, b) => a.part - b.part)
      .map((p) => {
        const own = inCourse.filter((r) => r.lessonSlug === p.slug);
        return { ...p, started: countSplit(own), completed: countSplit(own.filter((r) => r.completed)) };
      }),
  };
}
