import type { ComponentType } from "react";
import { SizeCalculator } from "@/components/docker/size-calculator";
import { StageExplorer } from "@/components/docker/stage-explorer";
import { QuizIsland } from "@/components/quiz/quiz-island";
import type { PublicQuiz } from "@/lib/content/quiz-schema";
import { Callout } from "./callout";
import { CodeBlock } from "./code-block";
import { Compare } from "./compare";
import { Figure } from "./figure";
import { MdxLink } from "./mdx-link";
import { Table } from "./table";
import { Tab, Tabs } from "./tabs";

// biome-ignore lint/suspicious/noExplicitAny: MDX passes each component its own props
export type MdxComponents = Record<string, ComponentType<any>>;

/** Where a lesson is rendered, for components that talk to the server (quizzes). */
export type LessonContext = { course: string; lesson: string };

/**
 * The map from names in compiled MDX to React components: exactly the author components of
 * lib/content/components.ts, plus what the pipeline emits (CodeBlock, Quiz) and HTML overrides.
 */
export function lessonComponents(context: LessonContext): MdxComponents {
  return {
    Callout,
    Figure,
    Tabs,
    Tab,
    Compare,
    SizeCalculator,
    StageExplorer,
    CodeBlock,
    // biome-ignore lint/correctness/noComponentHookFactories: a hook-free server wrapper that binds the lesson to its quiz island
    Quiz: ({ quiz, showTitle }: { quiz: string; showTitle?: string }) => (
      <QuizIsland
        quiz={JSON.parse(quiz) as PublicQuiz}
        course={context.course}
        lesson={context.lesson}
        showTitle={showTitle !== "false"}
      />
    ),
    table: Table,
    a: MdxLink,
  };
}
