/**
 * Every island a lesson body may hold: a name, and the component loaded with import() only on a
 * page that has one. The lesson body is server HTML that React never hydrates
 * (components/lesson/lesson-body.tsx); each element that <Island name=… props=…> wrote into it is
 * mounted on its own with the component registered here and the JSON props it carries.
 *
 * To add one: a client component whose props are JSON, one line here, and
 * `<Island name="…" props={…} />` where the lesson renders it (components/mdx/mdx-components.tsx).
 */
export const islandLoaders = {
  quiz: () => import("@/components/quiz/quiz-island").then((m) => m.QuizIsland),
  "size-calculator": () =>
    import("@/components/docker/size-calculator-client").then((m) => m.SizeCalculatorClient),
  "stage-explorer": () => import("@/components/docker/stage-explorer").then((m) => m.StageExplorer),
  "layer-cache": () => import("@/components/docker/layer-cache-compare").then((m) => m.LayerCacheCompare),
  tabs: () => import("@/components/mdx/tab-list").then((m) => m.TabList),
  exercise: () => import("@/components/exercise/exercise-island").then((m) => m.ExerciseIsland),
};

export type IslandName = keyof typeof islandLoaders;

/** The props island `N` takes (and carries as JSON in the page). */
export type IslandProps<N extends IslandName> =
  Awaited<ReturnType<(typeof islandLoaders)[N]>> extends (props: infer P) => unknown ? P : never;
