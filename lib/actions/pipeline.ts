import "server-only";
import type { z } from "zod";
import { currentLearnerId, ensureLearner } from "@/lib/auth/identity";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { consumeRateLimit, type RateLimitPolicy } from "@/lib/rate-limit";
import { requestAddress } from "@/lib/security/request-address";
import { decodeInput } from "./decode";
import { fieldErrorsOf } from "./issues";
import { ActionError, type ActionResult } from "./result";

/** Who is asking: what the identify step found, before anything is authorized. */
export type WriteContext = {
  /** The signed-in user (role as the database has it now), or null. */
  user: SessionUser | null;
  /** The learner of this request (account or anonymous cookie), or null before the first write. */
  learnerId: string | null;
  /** The learner to write for, created (with its cookie) on the first write. */
  learner: () => Promise<string>;
  /** The client's address, from the connection (lib/security/request-address.ts). */
  address: string;
};

/** A rate limit to apply: a policy and the subject it counts (null skips it). */
export type RateRule<I> = {
  policy: RateLimitPolicy;
  subject: (ctx: WriteContext, input: I) => string | null;
};

type Nothing = Record<never, never>;

type Spec<S extends z.ZodObject, A extends object, T> = {
  /** Names the write in the registry (`domain.verb`), which the input tests walk. */
  name: string;
  /** Validates the typed input (decoded from FormData, or a parsed JSON body). */
  schema: S;
  /** Named limits, each counted per its subject; the first exhausted one refuses the write. */
  rateLimits: RateRule<z.output<S>>[];
  /**
   * Checks the target exists and this user/learner may act on it (throw ActionError to refuse)
   * and returns what it found, which the write receives in its context: nothing is looked up twice.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: an authorize step with nothing to hand on returns nothing
  authorize?: (ctx: WriteContext, input: z.output<S>) => A | void | Promise<A | void>;
  /** The write. Throw ActionError for expected failures. */
  write: (ctx: WriteContext & A, input: z.output<S>) => Promise<T>;
};

/** A write of the pipeline: takes a FormData (a server action) or a parsed JSON body (a route). */
export type Write<T> = (raw: unknown) => Promise<ActionResult<T>>;

const registry = new Map<string, Write<unknown>>();

/** Every write defineWrite made, by name (for tests: each must refuse malformed input). */
export function registeredWrites(): ReadonlyMap<string, Write<unknown>> {
  return registry;
}

async function identify(): Promise<WriteContext> {
  const [user, learnerId, address] = await Promise.all([
    getSessionUser(),
    currentLearnerId(),
    requestAddress(),
  ]);
  // A learner identify already found is the one to write for: no second lookup.
  let created: Promise<string> | undefined = learnerId ? Promise.resolve(learnerId) : undefined;
  return { user, learnerId, address, learner: () => (created ??= ensureLearner()) };
}

/**
 * The one order every write follows: parse → identify → rate-limit → authorize → write.
 * Limits are counted before any lookup that authorizes, so refused probes cost the prober.
 * Nothing is stored before the write step (not even an anonymous learner) but the rate-limit
 * counts. Expected failures come back as values a form can show; anything unexpected is logged
 * and answered with a generic message, never the exception's text.
 */
export function defineWrite<S extends z.ZodObject, T, A extends object = Nothing>(
  spec: Spec<S, A, T>,
): Write<T> {
  const run: Write<T> = async (raw) => {
    const parsed = spec.schema.safeParse(decodeInput(spec.schema, raw));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return {
        ok: false,
        message: Object.values(fieldErrors)[0] ?? "The request was not valid",
        fieldErrors,
        status: 400,
      };
    }
    const input = parsed.data;
    try {
      const ctx = await identify();
      for (const rule of spec.rateLimits) {
        const subject = rule.subject(ctx, input);
        if (subject === null) continue;
        const limited = await consumeRateLimit(rule.policy, subject);
        if (!limited.ok) {
          return {
            ok: false,
            message: `Too many attempts: try again in ${limited.retryAfterSeconds} seconds.`,
            retryAfterSeconds: limited.retryAfterSeconds,
            status: 429,
          };
        }
      }
      const found = (await spec.authorize?.(ctx, input)) ?? ({} as A);
      return { ok: true, data: await spec.write({ ...ctx, ...found }, input) };
    } catch (error) {
      if (error instanceof ActionError)
        return { ok: false, message: error.message, fieldErrors: error.fieldErrors, status: error.status };
      console.error(`[write ${spec.name}] unexpected failure`, error);
      return { ok: false, message: "Something went wrong on our side. Please try again.", status: 500 };
    }
  };
  registry.set(spec.name, run as Write<unknown>);
  return run;
}

/** Rate-limit subject for learner writes: the learner, or the client address before the first write. */
export const perLearner = <I>(policy: RateLimitPolicy): RateRule<I> => ({
  policy,
  subject: (ctx) => ctx.learnerId ?? `addr:${ctx.address}`,
});

/** Rate-limit subject: the signed-in user (null when signed out, which authorize refuses). */
export const perUser = <I>(policy: RateLimitPolicy): RateRule<I> => ({
  policy,
  subject: (ctx) => ctx.user?.id ?? null,
});

/** Rate-limit subject: the client address. */
export const perAddress = <I>(policy: RateLimitPolicy): RateRule<I> => ({
  policy,
  subject: (ctx) => `addr:${ctx.address}`,
});

/** For authorize steps: the signed-in user, or the refusal `message` (401) for a visitor. */
export function requireUser(ctx: WriteContext, message = "Sign in first."): { user: SessionUser } {
  if (!ctx.user) throw new ActionError(message, undefined, 401);
  return { user: ctx.user };
}
