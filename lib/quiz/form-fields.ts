// Shared by the graded quiz's form (components/quiz/quiz-island.tsx, components/review/add-to-review.tsx,
// in the browser) and the server's reading of it (lib/review/quiz-form.ts): on its own, as
// ./order-position.ts is, so the browser gets these lines and nothing ./form-answers.ts imports.

/**
 * The field a graded question's "Add to review" button sends, its value the question's id: without
 * JavaScript it is a submit button of the quiz's own form (lib/review/quiz-form.ts).
 */
export const ADD_TO_REVIEW_FIELD = "addToReview";

/** The hidden field of a graded quiz's form naming the attempt on screen, to show it again. */
export const ATTEMPT_FIELD = "attemptId";
