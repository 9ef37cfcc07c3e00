"use client";

import { useState } from "react";
import type { PublicQuestion } from "@/lib/content/quiz-schema";
import type { Answer } from "@/lib/quiz/grade";
import { InlineText } from "./inline-text";

type Props = {
  question: PublicQuestion;
  name: string;
  value: Answer | undefined;
  disabled: boolean;
  onChange: (value: Answer | undefined) => void;
};

const optionClass =
  "flex cursor-pointer items-start gap-3 rounded-md border border-[var(--border)] px-3 py-2 hover:bg-[var(--bg-soft)] has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:has-[:checked]:border-brand-300 dark:has-[:checked]:bg-brand-700/20";

/** The input for one question, by type. Every control is a native, keyboard-usable element. */
export function QuestionInput({ question: q, name, value, disabled, onChange }: Props) {
  switch (q.type) {
    case "single":
    case "multiple":
      return (
        <div className="grid gap-2">
          {q.choices.map((c) => {
            const checked =
              q.type === "single" ? value === c.id : Array.isArray(value) && value.includes(c.id);
            return (
              <label key={c.id} className={optionClass}>
                <input
                  type={q.type === "single" ? "radio" : "checkbox"}
                  name={name}
                  value={c.id}
                  checked={checked}
                  disabled={disabled}
                  className="mt-1 size-4 accent-brand-600"
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
              </label>
            );
          })}
        </div>
      );
    case "truefalse":
      return (
        <div className="flex flex-wrap gap-2">
          {[true, false].map((v) => (
            <label key={String(v)} className={`${optionClass} min-w-28`}>
              <input
                type="radio"
                name={name}
                value={String(v)}
                checked={value === v}
                disabled={disabled}
                className="mt-1 size-4 accent-brand-600"
                onChange={() => onChange(v)}
              />
              <span>{v ? "True" : "False"}</span>
            </label>
          ))}
        </div>
      );
    case "fill":
      return (
        <input
          type="text"
          name={name}
          aria-label="Your answer"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={typeof value === "string" ? value : ""}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          className="w-full max-w-sm rounded-md border border-[var(--border)] bg-[var(--bg)] px-3 py-2 font-mono"
        />
      );
    case "numeric":
      return <NumericInput name={name} unit={q.unit} value={value} disabled={disabled} onChange={onChange} />;
    case "order":
      return <OrderInput items={q.items} value={value} disabled={disabled} onChange={onChange} />;
  }
}

function NumericInput({
  name,
  unit,
  value,
  disabled,
  onChange,
}: {
  name: string;
  unit?: string;
  value: Answer | undefined;
  disabled: boolean;
  onChange: Props["onChange"];
}) {
  const [text, setText] = useState(typeof value === "number" ? String(value) : "");
  return (
    <span className="inline-flex items-center gap-2">
      <input
        type="text"
        inputMode="decimal"
        name={name}
        aria-label={unit ? `Your answer in ${unit}` : "Your answer"}
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

function OrderInput({
  items,
  value,
  disabled,
  onChange,
}: {
  items: { id: string; text: string }[];
  value: Answer | undefined;
  disabled: boolean;
  onChange: Props["onChange"];
}) {
  const order = Array.isArray(value) && value.length === items.length ? value : items.map((i) => i.id);
  const [announcement, setAnnouncement] = useState("");
  const byId = new Map(items.map((i) => [i.id, i.text]));
  const move = (from: number, to: number) => {
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    onChange(next);
    setAnnouncement(`Moved “${byId.get(moved!)}” to position ${to + 1} of ${order.length}`);
  };
  return (
    <div>
      <ol className="grid list-none gap-2 pl-0">
        {order.map((id, i) => (
          <li
            key={id}
            className="flex items-center gap-2 rounded-md border border-[var(--border)] px-3 py-2"
            data-order-item={id}
          >
            <span
              className="w-6 shrink-0 text-right font-mono text-sm text-[var(--fg-muted)]"
              aria-hidden="true"
            >
              {i + 1}.
            </span>
            <span className="min-w-0 flex-1 font-mono text-sm break-words" data-order-text>
              <InlineText text={byId.get(id) ?? ""} />
            </span>
            <button
              type="button"
              disabled={disabled || i === 0}
              onClick={() => move(i, i - 1)}
              className="rounded border border-[var(--border)] px-2 py-1 text-xs disabled:opacity-40"
              aria-label={`Move “${byId.get(id)}” up`}
            >
              ↑ Up
            </button>
            <button
              type="button"
              disabled={disabled || i === order.length - 1}
              onClick={() => move(i, i + 1)}
              className="rounded border border-[var(--border)] px-2 py-1 text-xs disabled:opacity-40"
              aria-label={`Move “${byId.get(id)}” down`}
            >
              ↓ Down
            </button>
          </li>
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
