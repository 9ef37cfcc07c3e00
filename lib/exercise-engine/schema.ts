import { z } from "zod";
import type { FindingId } from "@/lib/docker/dockerfile";

/**
 * An exercise as an author writes it in an ```exercise block: the task, the starter, the
 * reference solution and the checks with their parameters and hints. All of it stays on the
 * server except what lib/exercises/public.ts lets through.
 */

const text = z.string().trim().min(1, "must not be empty");

/**
 * An exercise's or check's id: the same form as every slug (lib/content/slug.ts), written again
 * here because this engine depends on nothing but the Dockerfile analyzer.
 */
const SlugSchema = z
  .string()
  .max(80, "is too long (80 characters at most)")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens, e.g. shrink-express");

/** The finding rules a `no-finding` check may name (lib/docker/dockerfile/findings*.ts). */
export const FINDING_RULES = [
  "no-user",
  "npm-install",
  "apt-lists-not-removed",
  "apt-no-recommends",
  "pip-cache",
  "secret-in-env",
  "secret-in-arg",
  "copy-all-before-install",
  "unpinned-base-image",
  "add-local-files",
  "unused-stage",
  "index-reference",
  "mount-without-syntax",
  "toolchain-in-final-image",
  "full-node-runtime",
  "dev-dependencies-shipped",
  "secret-file-copied",
] as const satisfies readonly FindingId[];

const common = {
  id: SlugSchema,
  /** What the learner reads next to the outcome: a statement of what a passing file does. */
  description: text,
  /** One to three hints, from a nudge to nearly the answer; asked for one at a time. */
  hints: z.array(text).min(1, "needs at least one hint").max(3, "has more than three hints"),
};

/** Where an `instruction` or `install-before-source` check looks: the final image, or a named stage. */
const StageRefSchema = z.string().trim().min(1).default("final");

const BaseImageCheck = z
  .object({
    ...common,
    kind: z.literal("base-image"),
    /** Image references the final image may start from; `*` matches any run of characters. */
    allowed: z.array(text).min(1, "needs at least one allowed image"),
  })
  .strict();

const StageExistsCheck = z.object({ ...common, kind: z.literal("stage-exists"), name: text }).strict();

const StageCountCheck = z
  .object({
    ...common,
    kind: z.literal("stage-count"),
    min: z.number().int().min(1).optional(),
    max: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((c) => c.min !== undefined || c.max !== undefined, { message: "needs min, max or both" })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
    message: "has min above max",
    path: ["min"],
  });

const CopiesFromCheck = z
  .object({
    ...common,
    kind: z.literal("copies-from-stage"),
    /** The stage (by name) the final image must COPY --from. */
    stage: text,
  })
  .strict();

/** A path either in the build context ("src/", ".env") or in the image ("/app/node_modules"). */
const pathTarget = {
  context: text.optional(),
  image: text.refine((p) => p.startsWith("/"), "must be an absolute path in the image").optional(),
};
const onePath = (c: { context?: string; image?: string }) =>
  (c.context === undefined) !== (c.image === undefined);
const onePathMessage = {
  message: "needs exactly one of context (a build-context path) or image (an absolute path)",
};

const PathShipsCheck = z
  .object({ ...common, kind: z.literal("path-ships"), ...pathTarget })
  .strict()
  .refine(onePath, onePathMessage);

const PathStaysOutCheck = z
  .object({ ...common, kind: z.literal("path-stays-out"), ...pathTarget })
  .strict()
  .refine(onePath, onePathMessage);

const NoFindingCheck = z
  .object({
    ...common,
    kind: z.literal("no-finding"),
    rule: z.enum(FINDING_RULES),
    /** "final": only findings about the image that ships (default); "file": anywhere in the file. */
    scope: z.enum(["final", "file"]).default("final"),
  })
  .strict();

export const INSTRUCTION_KEYWORDS = [
  "USER",
  "HEALTHCHECK",
  "EXPOSE",
  "RUN",
  "ENV",
  "WORKDIR",
  "CMD",
  "ENTRYPOINT",
  "ARG",
  "LABEL",
  "COPY",
  "ADD",
  "STOPSIGNAL",
] as const;

const InstructionCheck = z
  .object({
    ...common,
    kind: z.literal("instruction"),
    keyword: z.enum(INSTRUCTION_KEYWORDS),
    /** "final" (the image: the shipping stage and the stages it builds FROM) or a stage name. */
    stage: StageRefSchema,
    /** USER: the effective user must not be root ("numeric-non-root": a UID other than 0). */
    user: z.enum(["non-root", "numeric-non-root"]).optional(),
    /** RUN: a --mount of this type. */
    mount: z.enum(["cache", "secret", "bind", "ssh", "tmpfs"]).optional(),
    /** RUN: a simple command starting with these words, e.g. [go, build]. */
    command: z.array(text).min(1).optional(),
    /** RUN with `command`: variables that command must see (ENV before it or VAR=value in front). */
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).optional(),
    /** EXPOSE: this port. */
    port: z.number().int().min(1).max(65535).optional(),
    /** Any keyword: the arguments contain this text. */
    contains: text.optional(),
    /** CMD, ENTRYPOINT, RUN: the (last, for CMD and ENTRYPOINT) instruction is in exec (JSON) or shell form. */
    form: z.enum(["exec", "shell"]).optional(),
  })
  .strict()
  .refine((c) => c.user === undefined || c.keyword === "USER", {
    message: "user is for USER",
    path: ["user"],
  })
  .refine((c) => c.mount === undefined || c.keyword === "RUN", {
    message: "mount is for RUN",
    path: ["mount"],
  })
  .refine((c) => c.command === undefined || c.keyword === "RUN", {
    message: "command is for RUN",
    path: ["command"],
  })
  .refine((c) => c.env === undefined || c.command !== undefined, {
    message: "env needs command (the command that must see it)",
    path: ["env"],
  })
  .refine((c) => c.form === undefined || ["CMD", "ENTRYPOINT", "RUN"].includes(c.keyword), {
    message: "form is for CMD, ENTRYPOINT and RUN",
    path: ["form"],
  })
  .refine((c) => c.port === undefined || c.keyword === "EXPOSE", {
    message: "port is for EXPOSE",
    path: ["port"],
  });

const MaxSizeCheck = z
  .object({ ...common, kind: z.literal("max-size"), mb: z.number().positive().max(1_000_000) })
  .strict();

const InstallBeforeSourceCheck = z
  .object({
    ...common,
    kind: z.literal("install-before-source"),
    /** The stage that installs dependencies; default: the first stage that does. */
    stage: z.string().trim().min(1).optional(),
  })
  .strict();

export const CHECK_KINDS = [
  "base-image",
  "stage-exists",
  "stage-count",
  "copies-from-stage",
  "path-ships",
  "path-stays-out",
  "no-finding",
  "instruction",
  "max-size",
  "install-before-source",
] as const;

export const ExerciseCheckSchema = z.discriminatedUnion("kind", [
  BaseImageCheck,
  StageExistsCheck,
  StageCountCheck,
  CopiesFromCheck,
  PathShipsCheck,
  PathStaysOutCheck,
  NoFindingCheck,
  InstructionCheck,
  MaxSizeCheck,
  InstallBeforeSourceCheck,
]);
export type ExerciseCheck = z.infer<typeof ExerciseCheckSchema>;
export type CheckKind = ExerciseCheck["kind"];

const dockerfile = z
  .string()
  .min(1, "must not be empty")
  .max(64 * 1024, "is longer than 64 KB");

export const ExerciseDefinitionSchema = z
  .object({
    id: SlugSchema,
    title: text,
    /** Markdown: rendered by the lesson pipeline into the lesson tree. */
    task: text,
    starter: dockerfile,
    dockerignore: z.string().optional(),
    /** The build context, one path a line ("src/server.js"); directories end with "/". */
    context: z.array(text).max(500, "lists more than 500 paths").optional(),
    solution: dockerfile,
    revealAfterAttempts: z.number().int().min(1).max(100).default(3),
    checks: z
      .array(ExerciseCheckSchema)
      .min(1, "needs at least one check")
      .max(30, "has more than 30 checks"),
  })
  .strict()
  .refine((e) => new Set(e.checks.map((c) => c.id)).size === e.checks.length, {
    message: "has two checks with the same id",
    path: ["checks"],
  });
export type ExerciseDefinition = z.infer<typeof ExerciseDefinitionSchema>;
