/** Where the learner's theme choice is kept in the browser. */
export const THEME_STORAGE_KEY = "lectern-theme";

export type ThemeChoice = "light" | "dark" | "system";

/** The class the server puts on <html>: the system decides the theme until the script below runs. */
export const THEME_AUTO_CLASS = "theme-auto";

/**
 * Runs in <head> before the first paint: applies the stored choice, or the system
 * preference, so a page never flashes the wrong theme. It removes THEME_AUTO_CLASS, so the
 * class stays only when JavaScript does not run (app/globals.css then follows the system).
 */
export const THEME_SCRIPT = `(function(){var e=document.documentElement;e.classList.remove(${JSON.stringify(THEME_AUTO_CLASS)});try{var c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=c==="dark"||(c!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light";}catch(_){}})();`;
