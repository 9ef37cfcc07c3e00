/** The Setting row that holds the generated cookie-signing secret when LECTERN_SECRET is unset. */
export const SECRET_SETTING = "cookie-secret";
