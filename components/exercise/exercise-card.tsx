import type { ReactNode } from "react";
import { CodeBlock } from "@/components/mdx/code-block";
import type { PublicExercise } from "@/lib/exercises/types";

type ExerciseCardProps = {
  exercise: PublicExercise;
  /** The starter's highlighted `<code>` HTML (built at compile time, like every code block). */
  starterHtml: string;
  dockerignoreHtml?: string;
  /** The task, rendered from the lesson tree by the lesson renderer. */
  children?: ReactNode;
};

/** The id of an exercise's title, for aria-labelledby. */
export const exerciseTitleId = (exercise: Pick<PublicExercise, "id">) => `exercise-${exercise.id}-title`;

/** Title, a line saying how it is checked, and the task. */
export function ExerciseHeader({ exercise, children }: Pick<ExerciseCardProps, "exercise" | "children">) {
  return (
    <header className="exercise-header">
      <p className="exercise-eyebrow">
        Exercise · {exercise.checkCount} {exercise.checkCount === 1 ? "check" : "checks"} · checked on the
        server without building
      </p>
      <h3 id={exerciseTitleId(exercise)} className="exercise-title">
        {exercise.title}
      </h3>
      <div className="exercise-task">{children}</div>
    </header>
  );
}

/** The starter Dockerfile, read-only and highlighted like the lesson's code blocks. */
export function ExerciseStarter({ starterHtml }: Pick<ExerciseCardProps, "starterHtml">) {
  return <CodeBlock lang="dockerfile" label="Dockerfile" title="Starter Dockerfile" html={starterHtml} />;
}

/** What the build context holds and what .dockerignore keeps out of it, when the exercise says. */
export function ExerciseContext({
  exercise,
  dockerignoreHtml,
}: Pick<ExerciseCardProps, "exercise" | "dockerignoreHtml">) {
  if (!exercise.context && !dockerignoreHtml) return null;
  return (
    <div className="exercise-context">
      {exercise.context ? (
        <div>
          <h4 className="exercise-subtitle" id={`exercise-${exercise.id}-context`}>
            Build context
          </h4>
          <ul className="exercise-files" aria-labelledby={`exercise-${exercise.id}-context`}>
            {exercise.context.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {dockerignoreHtml ? (
        <div>
          <CodeBlock lang="text" label="Text" title=".dockerignore" html={dockerignoreHtml} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * The server-rendered part of an exercise: title, task, starter and build context. It is what a
 * reader without JavaScript and the instructor preview see; the learner's editor island is built
 * around these parts.
 */
export function ExerciseCard(props: ExerciseCardProps) {
  return (
    <section
      aria-labelledby={exerciseTitleId(props.exercise)}
      className="exercise"
      data-exercise={props.exercise.id}
    >
      <ExerciseHeader exercise={props.exercise}>{props.children}</ExerciseHeader>
      <ExerciseStarter starterHtml={props.starterHtml} />
      <ExerciseContext exercise={props.exercise} dockerignoreHtml={props.dockerignoreHtml} />
    </section>
  );
}
