import { LayerCacheCompare } from "@/components/docker/layer-cache-compare";
import { SizeCalculatorClient } from "@/components/docker/size-calculator-client";
import { StageExplorer } from "@/components/docker/stage-explorer";
import { ExerciseIsland } from "@/components/exercise/exercise-island";
import { TabList } from "@/components/mdx/tab-list";
import { QuizIsland } from "@/components/quiz/quiz-island";
import type { IslandName, islandLoaders } from "./registry";

/**
 * The islands of ./registry.ts imported as they are, for the server render of a lesson body,
 * which must not wait for import() (a suspended island would be streamed apart from the text,
 * hidden until a script moves it). Only that render imports this file: it is not in the
 * browser's JavaScript. The type makes it list exactly the registry's islands.
 */
export const islandComponents: { [N in IslandName]: Awaited<ReturnType<(typeof islandLoaders)[N]>> } = {
  quiz: QuizIsland,
  "size-calculator": SizeCalculatorClient,
  "stage-explorer": StageExplorer,
  "layer-cache": LayerCacheCompare,
  tabs: TabList,
  exercise: ExerciseIsland,
};
