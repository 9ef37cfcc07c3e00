/** Fence languages an author may use, mapped to the Shiki grammar that highlights them. */
export const FENCE_LANGUAGES = {
  dockerfile: "dockerfile",
  docker: "dockerfile",
  bash: "shellscript",
  sh: "shellscript",
  shell: "shellscript",
  console: "shellscript",
  js: "javascript",
  javascript: "javascript",
  ts: "typescript",
  typescript: "typescript",
  jsx: "jsx",
  tsx: "tsx",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
  python: "python",
  py: "python",
  go: "go",
  java: "java",
  xml: "xml",
  toml: "toml",
  ini: "ini",
  text: "text",
  txt: "text",
  plaintext: "text",
} as const;

export type FenceLanguage = keyof typeof FENCE_LANGUAGES;

/** The Shiki grammars to load: only what the course uses keeps the highlighter fast to start. */
export const SHIKI_LANGUAGES = [...new Set(Object.values(FENCE_LANGUAGES))].filter((l) => l !== "text");

/** Shell-family fences, where `$ ` prompts and output lines are recognised. */
export const SHELL_LANGUAGES = new Set<string>(["bash", "sh", "shell", "console"]);

/** What content:check and the preview say after an unknown fence language: every one there is. */
export const SUPPORTED_LANGUAGES_HINT = `Supported: ${Object.keys(FENCE_LANGUAGES).join(", ")}`;

/** Whether a fence language is supported. */
export function isFenceLanguage(lang: string): lang is FenceLanguage {
  return Object.hasOwn(FENCE_LANGUAGES, lang);
}

/** A short label for the block's header, e.g. "Dockerfile", "Terminal". */
export function languageLabel(lang: FenceLanguage): string {
  const labels: Partial<Record<FenceLanguage, string>> = {
    dockerfile: "Dockerfile",
    docker: "Dockerfile",
    console: "Terminal",
    bash: "Shell",
    sh: "Shell",
    shell: "Shell",
    js: "JavaScript",
    javascript: "JavaScript",
    ts: "TypeScript",
    typescript: "TypeScript",
    jsx: "JSX",
    tsx: "TSX",
    json: "JSON",
    yaml: "YAML",
    yml: "YAML",
    python: "Python",
    py: "Python",
    go: "Go",
    java: "Java",
    xml: "XML",
    toml: "TOML",
    ini: "INI",
  };
  return labels[lang] ?? "Text";
}
