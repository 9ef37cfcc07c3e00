// Write inputs come from the client as FormData (server actions) or JSON (routes): a trust
// boundary. The decoder turns a form into the typed values its schema describes, and nothing else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkbox, checkboxes, decodeInput } from "@/lib/actions/decode";
import { QuizSubmissionSchema } from "@/lib/quiz/submission";

const Schema = z.object({
  name: z.string().max(50),
  note: z.string().optional(),
  flag: z.boolean(),
  count: z.number(),
  tags: z.array(z.string()),
  answers: z.record(z.string(), z.union([z.string(), z.boolean(), z.number(), z.array(z.string())])),
  choice: z.enum(["a", "b"]).or(z.literal("").transform(() => undefined)),
});

/** How a browser form carries each value: text as it is, booleans and numbers as text, the rest as JSON. */
function toForm(values: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    form.set(
      key,
      typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value),
    );
  }
  return form;
}

const answer = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string()),
);
const typed = fc.record(
  {
    name: fc.string({ maxLength: 50 }),
    note: fc.string(),
    flag: fc.boolean(),
    count: fc.double({ noNaN: true, noDefaultInfinity: true }),
    tags: fc.array(fc.string()),
    answers: fc.dictionary(fc.string({ minLength: 1 }), answer),
    choice: fc.constantFrom("a", "b"),
  },
  { requiredKeys: ["name", "flag", "count", "tags", "answers", "choice"] },
);

describe("decoding write input", () => {
  it("a form carrying typed values decodes to exactly those values", () => {
    fc.assert(
      fc.property(typed, (values) => {
        // -0 travels as "0": the same number to every schema.
        const expected = JSON.parse(JSON.stringify(values));
        expect(JSON.parse(JSON.stringify(decodeInput(Schema, toForm(values))))).toEqual(expected);
        expect(Schema.safeParse(decodeInput(Schema, toForm(values))).success).toBe(true);
      }),
    );
  });

  it("reads only the schema's fields, never throws, and leaves text as sent", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (fields) => {
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) form.set(key, value);
        const out = decodeInput(Schema, form) as Record<string, unknown>;
        for (const key of Object.keys(out)) expect(Object.keys(Schema.shape)).toContain(key);
        if (typeof fields.name === "string") expect(out.name).toBe(fields.name);
        if (typeof fields.note === "string") expect(out.note).toBe(fields.note);
        if ("flag" in out)
          expect(["true", "false", "on"].includes(fields.flag!)).toBe(typeof out.flag === "boolean");
        // Whatever came, the schema answers with a result, never an exception.
        expect(() => Schema.safeParse(out)).not.toThrow();
      }),
    );
  });

  it("passes a JSON body (or anything that is not a form) through untouched", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        expect(decodeInput(Schema, body)).toBe(body);
      }),
    );
  });

  it("a quiz form's answers arrive as a record; unreadable answers get the schema's message", () => {
    const form = toForm({
      course: "docker",
      lesson: "volumes",
      quizId: "part-5-check",
      version: "0123456789ab",
      submissionId: "8b7df143-d91c-4ecb-a7e5-6b6f3d2f7d3f",
      answers: { "first-question": ["a1b2"], "second-question": true, third: 3 },
    });
    const parsed = QuizSubmissionSchema.safeParse(decodeInput(QuizSubmissionSchema, form));
    expect(parsed.data?.answers).toEqual({ "first-question": ["a1b2"], "second-question": true, third: 3 });

    form.set("answers", "{not json");
    const bad = QuizSubmissionSchema.safeParse(decodeInput(QuizSubmissionSchema, form));
    expect(bad.error?.issues[0]?.message).toBe("The answers could not be read");

    form.set("answers", JSON.stringify({ $gt: "" }));
    expect(QuizSubmissionSchema.safeParse(decodeInput(QuizSubmissionSchema, form)).success).toBe(false);
  });

  it("checkboxes: an unchecked box is false, boxes sharing a name are the checked values", () => {
    const Settings = z.object({
      replies: checkbox(),
      courses: checkboxes(z.array(z.string().regex(/^[a-z]+$/)).max(3)),
    });
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom("on", "true")),
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 3 }),
        (box, courses) => {
          const form = new FormData();
          if (box) form.set("replies", box);
          for (const c of courses) form.append("courses", c);
          form.append("other", "ignored");
          const decoded = decodeInput(Settings, form);
          expect(decoded).toEqual({ replies: box !== null, courses });
          expect(Settings.parse(decoded)).toEqual({ replies: box !== null, courses });
        },
      ),
    );
    // A box that sends something else, and a JSON body without the fields, are refused.
    const odd = new FormData();
    odd.set("replies", "yes please");
    expect(Settings.safeParse(decodeInput(Settings, odd)).success).toBe(false);
    expect(Settings.safeParse(decodeInput(Settings, {})).success).toBe(false);
    expect(Settings.safeParse(decodeInput(Settings, { replies: true, courses: ["a"] })).success).toBe(true);
  });
});
