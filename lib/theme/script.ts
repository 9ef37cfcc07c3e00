/** Where the learner's theme choice is kept in the browser. */
export const THEME_STORAGE_KEY = "lectern-theme";

export type ThemeChoice = "light" | "dark" | "system";

/**
 * Runs in <head> before the first paint: applies the stored choice, or the system
 * preference, so a page never flashes the wrong theme.
 */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=c==="dark"||(c!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light";}catch(_){}})();`;
