// The exercise definition (checks, hints, solution): lib/exercise-engine, which the content
// pipeline uses too, so this folder (which reads content) and the pipeline form no import cycle.
export * from "@/lib/exercise-engine/schema";
