// The public view, version, hints and solution of an exercise: lib/exercise-engine/public.ts.
export * from "@/lib/exercise-engine/public";
