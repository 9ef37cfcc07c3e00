"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { PublicQuestion } from "@/lib/content/quiz-schema";
import type { Answer, QuestionResult } from "@/lib/quiz/grade";
import { orderPosition } from "@/lib/quiz/order-position";
import { InlineText } from "./inline-text";
import { Verdict, type VerdictKind } from "./verdict";

type Props = {
  question: PublicQuestion;
  name: string;
  value: Answer | undefined;
  disabled: boolean;
  /** The graded result of this question, once there is one: marks go beside the chosen options. */
  feedback?: QuestionResult;
  onChange: (value: Answer | undefined) => void;
};

const BORDER: Record<VerdictKind, string> = {
  correct: "border-emerald-600 dark:border-emerald-400",
  incorrect: "border-red-600 dark:border-red-400",
  answer: "border-emerald-600 border-dashed dark:border-emerald-400",
};

/** One option (a choice, True or False) with its input, and its verdict mark once graded. */
function Option({
  kind,
  verdictId,
  note,
  className = "",
  children,
}: {
  kind: VerdictKind | null;
  verdictId: string;
  note?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    // .quiz-option (app/lesson.css) styles the option, its label, input and text; a graded
    // option's border is a utility, which wins over the class.
    <div
      data-option
      className={["quiz-option", kind ? BORDER[kind] : "", className].filter(Boolean).join(" ")}
    >
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the option's input arrives in `children` */}
      <label>{children}</label>
      {kind ? (
        <p className="mt-1 pl-7">
          <Verdict id={verdictId} kind={kind}>
            {note ? (
              <span className="font-normal text-[var(--fg)]">
                {" "}
                — <InlineText text={note} />
              </span>
            ) : null}
          </Verdict>
        </p>
      ) : null}
    </div>
  );
}

/** The input for one question, by type. Every control is a native, keyboard-usable element. */
export function QuestionInput({ question: q, name, value, disabled, feedback, onChange }: Props) {
  const key = feedback?.answer;
  switch (q.type) {
    case "single":
    case "multiple":
      return (
        <div className="grid gap-2">
          {q.choices.map((c) => {
            const checked =
              q.type === "single" ? value === c.id : Array.isArray(value) && value.includes(c.id);
            const picked = feedback?.choices?.find((x) => x.id === c.id);
            const inKey = key?.kind === "choices" && key.ids.includes(c.id);
            const kind: VerdictKind | null = picked
              ? picked.correct
                ? "correct"
                : "incorrect"
              : inKey
                ? "answer"
                : null;
            const verdictId = `${name}-${c.id}-verdict`;
            return (
              <Option key={c.id} kind={kind} verdictId={verdictId} note={picked?.explanation}>
                <input
                  type={q.type === "single" ? "radio" : "checkbox"}
                  name={name}
                  value={c.id}
                  checked={checked}
                  disabled={disabled}
                  aria-describedby={kind ? verdictId : undefined}
                  onChange={(e) => {
                    if (q.type === "single") onChange(c.id);
                    else {
                      const set = new Set(Array.isArray(value) ? value : []);
                      if (e.target.checked) set.add(c.id);
                      else set.delete(c.id);
                      onChange(q.choices.map((x) => x.id).filter((id) => set.has(id)));
                    }
                  }}
                />
                <span>
                  <InlineText text={c.text} />
                </span>
              </Option>
            );
          })}
        </div>
      );
    case "truefalse":
      return (
        <div className="flex flex-wrap gap-2">
          {[true, false].map((v) => {
            const kind: VerdictKind | null =
              feedback && value === v
                ? feedback.correct
                  ? "correct"
                  : "incorrect"
                : key?.kind === "truefalse" && key.value === v
                  ? "answer"
                  : null;
            const verdictId = `${name}-${v}-verdict`;
            return (
              <Option key={String(v)} kind={kind} verdictId={verdictId} className="min-w-28">
                <input
                  type="radio"
                  name={name}
                  value={String(v)}
                  checked={value === v}
                  disabled={disabled}
                  aria-describedby={kind ? verdictId : undefined}
                  onChange={() => onChange(v)}
                />
                <span>{v ? "True" : "False"}</span>
              </Option>
            );
          })}
        </div>
      );
    case "fill":
      return (
        <div className="grid gap-1">
          <input
            type="text"
            name={name}
            aria-label="Your answer"
            aria-describedby={feedback ? `${name}-verdict` : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={typeof value === "string" ? value : ""}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
            className="w-full max-w-sm rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 font-mono"
          />
          <TypedVerdict name={name} feedback={feedback} />
        </div>
      );
    case "numeric":
      return (
        <div className="grid gap-1">
          <NumericInput
            name={name}
            unit={q.unit}
            value={value}
            disabled={disabled}
            described={Boolean(feedback)}
            onChange={onChange}
          />
          <TypedVerdict name={name} feedback={feedback} />
        </div>
      );
    case "order":
      return (
        <div className="grid gap-2">
          <OrderInput name={name} items={q.items} value={value} disabled={disabled} onChange={onChange} />
          {feedback ? (
            <p>
              <Verdict kind={feedback.correct ? "correct" : "incorrect"} />
            </p>
          ) : null}
          {key?.kind === "order" && !feedback?.correct ? (
            <div className="text-sm">
              <Verdict kind="answer" />
              <ol className="mt-1 list-decimal pl-6 font-mono">
                {key.ids.map((id) => (
                  <li key={id}>
                    <InlineText text={q.items.find((i) => i.id === id)?.text ?? ""} />
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
      );
  }
}

/** The verdict under a typed answer, and the correct answer once it may be shown. */
function TypedVerdict({ name, feedback }: { name: string; feedback?: QuestionResult }) {
  if (!feedback) return null;
  const key = feedback.answer;
  const shown =
    key?.kind === "text"
      ? key.text
      : key?.kind === "number"
        ? `${key.value}${key.unit ? ` ${key.unit}` : ""}${key.tolerance ? ` (± ${key.tolerance})` : ""}`
        : null;
  return (
    <p id={`${name}-verdict`} className="flex flex-wrap gap-x-4 gap-y-1">
      <Verdict kind={feedback.correct ? "correct" : "incorrect"} />
      {shown !== null && !feedback.correct ? (
        <Verdict kind="answer">
          : <code className="font-normal">{shown}</code>
        </Verdict>
      ) : null}
    </p>
  );
}

function NumericInput({
  name,
  unit,
  value,
  disabled,
  described,
  onChange,
}: {
  name: string;
  unit?: string;
  value: Answer | undefined;
  disabled: boolean;
  described: boolean;
  onChange: Props["onChange"];
}) {
  // A number, or the text a form without JavaScript sent that was not one (shown to correct).
  const [text, setText] = useState(value === undefined ? "" : String(value));
  return (
    <span className="inline-flex items-center gap-2">
      <input
        type="text"
        inputMode="decimal"
        name={name}
        aria-label={unit ? `Your answer in ${unit}` : "Your answer"}
        aria-describedby={described ? `${name}-verdict` : undefined}
        autoComplete="off"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          const trimmed = e.target.value.trim().replace(",", ".");
          const n = Number(trimmed);
          onChange(trimmed === "" ? undefined : Number.isFinite(n) ? n : e.target.value);
        }}
        className="w-32 rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 font-mono"
      />
      {unit ? <span aria-hidden="true">{unit}</span> : null}
    </span>
  );
}

const noop = () => () => {};

/** Whether this render is in the browser after hydration (false in the server HTML). */
export const useScripted = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

function OrderInput({
  name,
  items,
  value,
  disabled,
  onChange,
}: {
  name: string;
  items: { id: string; text: string }[];
  value: Answer | undefined;
  disabled: boolean;
  onChange: Props["onChange"];
}) {
  const order = Array.isArray(value) && value.length === items.length ? value : items.map((i) => i.id);
  const [announcement, setAnnouncement] = useState("");
  // The moved item keeps the keyboard: its same button again, or the other one at either end.
  const [moved, setMoved] = useState<{ id: string; direction: "up" | "down" } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Without JavaScript the buttons cannot move anything: each item has a position menu instead,
  // which the form sends (lib/quiz/form-answers.ts reads it).
  const scripted = useScripted();
  const byId = new Map(items.map((i) => [i.id, i.text]));
  const move = (from: number, to: number) => {
    const next = [...order];
    const [id] = next.splice(from, 1);
    next.splice(to, 0, id!);
    onChange(next);
    setMoved({ id: id!, direction: to < from ? "up" : "down" });
    setAnnouncement(`Moved “${byId.get(id!)}” to position ${to + 1} of ${order.length}`);
  };
  useEffect(() => {
    if (!moved) return;
    const row = listRef.current?.querySelector(`[data-order-item="${moved.id}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${moved.direction}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${moved.direction === "up" ? "down" : "up"}"]`,
    );
    (same && !same.disabled ? same : other)?.focus();
  }, [moved]);
  return (
    <div>
      <ol ref={listRef} className="grid list-none gap-2 pl-0">
        {order.map((id, i) => (
          <li key={id} className="quiz-order-item" data-order-item={id}>
            <span aria-hidden="true">{`${i + 1}.`}</span>
            <span data-order-text>
              <InlineText text={byId.get(id) ?? ""} />
            </span>
            {scripted ? null : (
              <label className="quiz-position">
                <span className="text-sm text-[var(--fg-muted)]">Position</span>
                <span className="sr-only">{` of “${byId.get(id)}”`}</span>
                <select name={name} defaultValue={orderPosition(id, i + 1)} disabled={disabled}>
                  {order.map((_, p) => (
                    <option key={p} value={orderPosition(id, p + 1)}>
                      {p + 1}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {scripted ? (
              <>
                <button
                  type="button"
                  disabled={disabled || i === 0}
                  data-move="up"
                  onClick={() => move(i, i - 1)}
                  className="quiz-move"
                  aria-label={`Move “${byId.get(id)}” up`}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  disabled={disabled || i === order.length - 1}
                  data-move="down"
                  onClick={() => move(i, i + 1)}
                  className="quiz-move"
                  aria-label={`Move “${byId.get(id)}” down`}
                >
                  ↓ Down
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
