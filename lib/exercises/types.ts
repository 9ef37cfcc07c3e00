// The shapes exercises share (PublicExercise, CheckOutcome, GradeOutcome), defined beside the
// grader in lib/exercise-engine/types.ts. Plain types, safe to import from client code.
export type * from "@/lib/exercise-engine/types";
