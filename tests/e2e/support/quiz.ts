import { expect, type Locator, type Page } from "@playwright/test";
import { optionId } from "../../../lib/content/quiz-public";
import type { QuizDefinition } from "../../../lib/content/quiz-schema";
import type { Answers } from "../../../lib/quiz/grade";
import { waitForHydration } from "./hydration";
import type { AuthoredQuestion } from "./lesson-source";

/** A choice's accessible name: its text without the inline Markdown marks. */
export const plain = (text: string) => text.replace(/`/g, "").replace(/\*\*/g, "");

/** Opens a lesson and its quiz, once the quiz has loaded the learner's record. */
export async function openQuiz(page: Page, lesson: string, quizId: string): Promise<Locator> {
  await page.goto(lesson);
  await waitForHydration(page);
  const section = page.locator(`[data-quiz="${quizId}"]`);
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByTestId("quiz-stats")).not.toHaveText("");
  return section;
}

/** Answers every question of a quiz through the UI, all right or all wrong. */
export async function answerQuiz(quiz: Locator, questions: AuthoredQuestion[], right: boolean) {
  for (const q of questions) {
    const item = quiz.locator(`[data-question="${q.id}"]`);
    switch (q.type) {
      case "single": {
        const choice = q.choices!.find((c) => Boolean(c.correct) === right)!;
        await item.getByRole("radio", { name: plain(choice.text), exact: true }).check();
        break;
      }
      case "multiple": {
        const picks = right
          ? q.choices!.filter((c) => c.correct)
          : [q.choices!.find((c) => !c.correct) ?? q.choices![0]!];
        for (const c of picks) await item.getByRole("checkbox", { name: plain(c.text), exact: true }).check();
        break;
      }
      case "truefalse":
        await item.getByRole("radio", { name: q.answer === right ? "True" : "False", exact: true }).check();
        break;
      case "fill":
        await item.getByRole("textbox").fill(right ? q.accept![0]! : "definitely-wrong");
        break;
      case "numeric":
        await item
          .getByRole("textbox")
          .fill(String(right ? q.answer : Number(q.answer) + (q.tolerance ?? 0) + 50));
        break;
      case "order": {
        const target = right ? q.items! : [...q.items!].reverse();
        for (let i = 0; i < target.length; i++) {
          const texts = await item
            .locator("[data-order-item]")
            .evaluateAll((els) => els.map((el) => el.querySelector("[data-order-text]")?.textContent ?? ""));
          let j = texts.indexOf(plain(target[i]!));
          expect(j, `order item "${target[i]}"`).toBeGreaterThanOrEqual(0);
          while (j > i) {
            await item.getByRole("button", { name: `Move “${target[i]}” up` }).click();
            j--;
          }
        }
        break;
      }
    }
  }
}

/** Answers questions right through the form alone (order questions by their position menus). */
export async function answerQuizWithoutScript(section: Locator, questions: AuthoredQuestion[]) {
  await answerQuiz(
    section,
    questions.filter((q) => q.type !== "order"),
    true,
  );
  for (const q of questions.filter((q) => q.type === "order")) {
    const item = section.locator(`[data-question="${q.id}"]`);
    for (const [i, text] of q.items!.entries())
      await item.getByLabel(`Position of “${plain(text)}”`).selectOption(String(i + 1));
  }
}

/** Answers every question of `quiz` right or wrong (a wrong choice: the first one not correct). */
export function answersFor(quiz: QuizDefinition, right: (questionId: string) => boolean): Answers {
  const answers: Answers = {};
  for (const q of quiz.questions) {
    const ok = right(q.id);
    const id = (text: string) => optionId(quiz.id, q.id, text);
    if (q.type === "single") answers[q.id] = id(q.choices.find((c) => c.correct === ok)!.text);
    if (q.type === "multiple")
      answers[q.id] = ok
        ? q.choices.filter((c) => c.correct).map((c) => id(c.text))
        : [id(q.choices.find((c) => !c.correct)!.text)];
    if (q.type === "truefalse") answers[q.id] = ok ? q.answer : !q.answer;
    if (q.type === "fill") answers[q.id] = ok ? q.accept[0]! : "definitely-wrong";
    if (q.type === "numeric") answers[q.id] = ok ? q.answer : q.answer + q.tolerance + 50;
    if (q.type === "order") answers[q.id] = (ok ? q.items : [...q.items].reverse()).map(id);
  }
  return answers;
}
