import "server-only";
import type { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { currentLearnerId, ensureLearner } from "@/lib/progress/identity";
import { consumeRateLimit, type RateLimitPolicy } from "@/lib/rate-limit";
import { requestAddress } from "@/lib/security/request-address";
import { fieldErrorsOf } from "./issues";
import { ActionError, type ActionResult } from "./result";

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

type Spec<S extends z.ZodType, T> = {
  /** Validates the raw input (an object built from FormData or JSON). */
  schema: S;
  /** Checks the target exists and this user/learner may act on it; throw ActionError to refuse. */
  authorize?: (ctx: WriteContext, input: z.infer<S>) => Promise<void> | void;
  /** Named limits, each counted per its subject; the first exhausted one refuses the write. */
  rateLimits: RateRule<z.infer<S>>[];
  /** The write. Throw ActionError for expected failures. */
  write: (ctx: WriteContext, input: z.infer<S>) => Promise<T>;
};

/**
 * The one order every write follows: parse → identify → authorize → rate-limit → write.
 * Nothing is stored before the write step (not even an anonymous learner). Expected failures
 * come back as values a form can show; anything unexpected is logged and answered with a
 * generic message, never the exception's text.
 */
export function defineWrite<S extends z.ZodType, T>(spec: Spec<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      return {
        ok: false,
        message: Object.values(fieldErrors)[0] ?? "The request was not valid",
        fieldErrors,
        status: 400,
      };
    }
    try {
      const [user, learnerId, address] = await Promise.all([
        getSessionUser(),
        currentLearnerId(),
        requestAddress(),
      ]);
      let created: Promise<string> | undefined;
      const ctx: WriteContext = { user, learnerId, address, learner: () => (created ??= ensureLearner()) };
      await spec.authorize?.(ctx, parsed.data);
      for (const rule of spec.rateLimits) {
        const subject = rule.subject(ctx, parsed.data);
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
      return { ok: true, data: await spec.write(ctx, parsed.data) };
    } catch (error) {
      if (error instanceof ActionError)
        return { ok: false, message: error.message, fieldErrors: error.fieldErrors, status: error.status };
      console.error("[write] unexpected failure", error);
      return { ok: false, message: "Something went wrong on our side. Please try again.", status: 500 };
    }
  };
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
