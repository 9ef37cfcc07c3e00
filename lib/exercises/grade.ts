// The grader lives in lib/exercise-engine (the content pipeline grades each exercise's solution
// and starter at compile time); see lib/exercises/schema.ts for why.
export * from "@/lib/exercise-engine/grade";
