import type { PublicQuestion, PublicQuiz } from "@/lib/content/quiz-schema";
import { inlineSource } from "./inline-text";

/** The quiz island's props (components/quiz/quiz-island.tsx). */
export type QuizIslandProps = {
  quiz: PublicQuiz;
  course: string;
  lesson: string;
  /** False when the lesson's heading right above already says the quiz's title. */
  showTitle?: boolean;
};

type Packed<Q> = Q extends { choices: unknown }
  ? Omit<Q, "prompt" | "choices"> & { choices: string[] }
  : Q extends { items: unknown }
    ? Omit<Q, "prompt" | "items"> & { items: string[] }
    : Omit<Q, "prompt">;
/** A question without its text: choices and items by id. */
type PackedQuestion = Packed<PublicQuestion>;
type PackedQuiz = Omit<PublicQuiz, "title" | "questions"> & { questions: PackedQuestion[] };
type PackedProps = Omit<QuizIslandProps, "quiz"> & { quiz: PackedQuiz | PublicQuiz };

function texts(quiz: PublicQuiz): string[] {
  return [
    quiz.title,
    ...quiz.questions.flatMap((q) => [
      q.prompt,
      ...("choices" in q ? q.choices : "items" in q ? q.items : []).map((c) => c.text),
    ]),
  ];
}

/**
 * The quiz island's props as its page carries them: without the title, prompts, choices and
 * items, which its server HTML (the form readers without JavaScript use) already shows. A quiz
 * with a text the HTML parser would not give back as written (a carriage return or NUL, which it
 * normalizes or drops) travels whole.
 */
export function packQuizProps(props: QuizIslandProps): PackedProps {
  const { quiz } = props;
  if (texts(quiz).some((text) => /[\r\0]/.test(text))) return props;
  const { title: _, questions, ...rest } = quiz;
  return {
    ...props,
    quiz: {
      ...rest,
      questions: questions.map((q): PackedQuestion => {
        const { prompt: _, ...question } = q;
        if ("choices" in question) return { ...question, choices: question.choices.map((c) => c.id) };
        if ("items" in question) return { ...question, items: question.items.map((i) => i.id) };
        return question;
      }),
    },
  };
}

/**
 * The quiz island's props from its packed JSON and the text of its server HTML (read before the
 * island replaces that HTML): the inverse of packQuizProps. Throws when the HTML lacks a text, so
 * the island stays as the server sent it rather than mounting without its words.
 */
export function unpackQuizProps(element: HTMLElement, packed: unknown): QuizIslandProps {
  const props = packed as PackedProps;
  if ("title" in props.quiz) return props as QuizIslandProps;
  const { questions, ...quiz } = props.quiz;
  const section = element.querySelector<HTMLElement>("[data-quiz]");
  const missing = (what: string): never => {
    throw new Error(`Quiz ${quiz.id}: its HTML holds no ${what}`);
  };
  const title =
    section?.getAttribute("aria-label") ??
    section?.querySelector(":scope > header > h2")?.textContent ??
    missing("title");
  const rows = new Map(
    [...(section?.querySelectorAll<HTMLElement>("[data-question]") ?? [])].map((li) => [
      li.dataset.question,
      li,
    ]),
  );
  return {
    ...props,
    quiz: {
      ...quiz,
      title,
      questions: questions.map((q): PublicQuestion => {
        const row = rows.get(q.id) ?? missing(`question ${q.id}`);
        const prompt = row.querySelector("legend > [data-prompt]") ?? missing(`prompt of ${q.id}`);
        // Each choice or order item by id: the text beside its input, or in its list item.
        const read = (ids: string[], selector: (id: string) => string) =>
          ids.map((id) => ({
            id,
            text: inlineSource(
              row.querySelector(selector(CSS.escape(id)))?.childNodes ?? missing(`text of ${q.id}/${id}`),
            ),
          }));
        const question = { ...q, prompt: inlineSource(prompt.childNodes) };
        if ("choices" in q)
          return {
            ...question,
            type: q.type,
            choices: read(q.choices, (id) => `input[value="${id}"] + span`),
          };
        if ("items" in q)
          return {
            ...question,
            type: q.type,
            items: read(q.items, (id) => `[data-order-item="${id}"] [data-order-text]`),
          };
        return question as PublicQuestion;
      }),
    },
  };
}
