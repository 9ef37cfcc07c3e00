// Shared by the quiz's form (components/quiz/question-input.tsx, in the browser) and the server's
// reading of it (./form-answers.ts): on its own, so the browser gets this line and nothing that
// form-answers imports (quiz-public hashes with node:crypto, which bundlers shim at 140 KB gzip).

/** The value of an order question's position menu: the item, then the position it is put at (1-based). */
export const orderPosition = (itemId: string, position: number) => `${itemId}@${position}`;

/** The item and position of a menu's value (orderPosition's inverse), or null for anything else. */
export function readOrderPosition(value: string): { itemId: string; position: number } | null {
  const at = value.lastIndexOf("@");
  if (at < 0) return null;
  const position = Number(value.slice(at + 1));
  return Number.isInteger(position) ? { itemId: value.slice(0, at), position } : null;
}
