/** What every server action returns: data, or an error a form can show. Never an exception's text. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      retryAfterSeconds?: number;
      /** The HTTP status an API answers with (400 invalid, 403/404 refused, 409 conflict, 429, 500). */
      status: number;
    };

/** An expected failure, thrown inside an action's handler and returned to the form as a value. */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string>,
    public readonly status = 400,
  ) {
    super(message);
    this.name = "ActionError";
  }
}
