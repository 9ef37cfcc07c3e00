import type { ComponentProps, ComponentType, ReactNode } from "react";
import { LayerCache } from "@/components/docker/layer-cache";
import { SizeCalculator } from "@/components/docker/size-calculator";
import { LessonExercise, type LessonExerciseProps } from "@/components/exercise/lesson-exercise";
import { Island } from "@/components/islands/island";
import type { LessonComponentName, LessonComponentProps } from "@/lib/content/components";
import type { PublicQuiz } from "@/lib/content/quiz-schema";
import { Callout } from "./callout";
import { CodeBlock } from "./code-block";
import { Compare } from "./compare";
import { Figure } from "./figure";
import { MdxLink } from "./mdx-link";
import { Table } from "./table";
import { Tab, Tabs } from "./tabs";

/**
 * What renders a lesson: one component for every name in lib/content/components.ts (the type
 * fails to compile when a name is missing, extra, or its component does not take the listed
 * attributes), plus the HTML tags Lectern restyles.
 */
export type LessonComponentMap = {
  readonly [K in LessonComponentName]: ComponentType<LessonComponentProps<K> & { children?: ReactNode }>;
} & {
  readonly table: ComponentType<ComponentProps<"table">>;
  readonly a: ComponentType<ComponentProps<"a">>;
};

/** Where a lesson is rendered, for components that talk to the server (quizzes). */
export type LessonContext = { course: string; lesson: string };

/** `<StageExplorer />`: the explorer island (components/docker/stage-explorer.tsx). */
function StageExplorer() {
  return <Island name="stage-explorer" props={{}} />;
}

/** The map from the names in a lesson tree to React components, for one lesson. */
export function lessonComponents(context: LessonContext): LessonComponentMap {
  return {
    Callout,
    Figure,
    Tabs,
    Tab,
    Compare,
    SizeCalculator,
    StageExplorer,
    LayerCache,
    CodeBlock,
    // biome-ignore lint/correctness/noComponentHookFactories: a hook-free wrapper that binds the lesson to its quiz island
    Quiz: ({ quiz, showTitle }: { quiz: string; showTitle?: string }) => (
      <Island
        name="quiz"
        props={{
          quiz: JSON.parse(quiz) as PublicQuiz,
          course: context.course,
          lesson: context.lesson,
          showTitle: showTitle !== "false",
        }}
      />
    ),
    // biome-ignore lint/correctness/noComponentHookFactories: a hook-free server wrapper that binds the lesson to its exercise island
    Exercise: (props: Omit<LessonExerciseProps, "course" | "lesson">) => (
      <LessonExercise {...props} course={context.course} lesson={context.lesson} />
    ),
    table: Table,
    a: MdxLink,
  };
}
