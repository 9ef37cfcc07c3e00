import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/issues";

describe("validation messages", () => {
  const Schema = z.object({
    course: z.string(),
    tags: z.array(z.string()),
    email: z.string({ message: "Enter your email address" }),
  });
  const errors = (input: unknown) => {
    const r = Schema.safeParse(input);
    return r.success ? {} : fieldErrorsOf(r.error);
  };

  it("name the missing field instead of zod's generic words", () => {
    expect(errors({ tags: [], email: "a" })).toEqual({ course: "course is required" });
  });

  it("say what type a field must have", () => {
    expect(errors({ course: 7, tags: "x", email: "a" })).toEqual({
      course: "course must be a string",
      tags: "tags must be a list",
    });
  });

  it("keep the messages a schema writes itself", () => {
    expect(errors({ course: "c", tags: [] })).toEqual({ email: "Enter your email address" });
  });
});
