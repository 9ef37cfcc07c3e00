"use client";

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { HighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { dockerFile } from "@codemirror/legacy-modes/mode/dockerfile";
import { EditorSelection, EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";
import { useEffect, useRef } from "react";

/** What the island may do with a mounted editor. */
export type EditorHandle = {
  /** Puts the cursor at the start of a 1-based line, scrolls it into view and focuses the editor. */
  goToLine: (line: number) => void;
  /** Replaces the whole text (Reset to starter), as one undoable change. */
  replace: (text: string) => void;
  focus: () => void;
};

type Props = {
  /** The text the editor starts with (later changes come from the learner or `replace`). */
  initial: string;
  /** The cursor position the textarea had, so opening the editor does not move it. */
  initialCursor?: number;
  /** The id of the element whose text labels the editor (the exercise's "Your Dockerfile" label). */
  labelledBy: string;
  describedBy?: string;
  onChange: (text: string) => void;
  onReady: (handle: EditorHandle) => void;
  /** Ctrl/Cmd+Enter submits, as in most code playgrounds. */
  onSubmit: () => void;
};

// Colours of the lesson's code blocks (Shiki's GitHub light/dark), following the site's theme:
// the page sets color-scheme on <html>, which light-dark() reads.
const colours = HighlightStyle.define([
  { tag: t.keyword, color: "light-dark(#B7313E, #F97583)" },
  { tag: [t.string, t.special(t.string)], color: "light-dark(#032F62, #9ECBFF)" },
  { tag: t.comment, color: "light-dark(#5F6871, #8F969E)", fontStyle: "italic" },
  { tag: [t.variableName, t.propertyName], color: "light-dark(#AA4A07, #FFAB70)" },
  { tag: [t.number, t.atom, t.bool], color: "light-dark(#005CC5, #79B8FF)" },
]);

const theme = EditorView.theme({
  "&": {
    color: "var(--fg)",
    backgroundColor: "var(--code-bg)",
    fontSize: "0.875rem",
    border: "1px solid var(--border)",
    borderRadius: "0.5rem",
  },
  "&.cm-focused": { outline: "2px solid var(--color-brand-500)", outlineOffset: "2px" },
  ".cm-scroller": {
    fontFamily: "var(--font-mono)",
    lineHeight: "1.6",
    minHeight: "12rem",
    maxHeight: "32rem",
  },
  ".cm-content": { caretColor: "var(--fg)", padding: "0.5rem 0" },
  ".cm-cursor": { borderLeftColor: "var(--fg)" },
  ".cm-gutters": {
    backgroundColor: "var(--bg-soft)",
    color: "var(--fg-muted)",
    borderRight: "1px solid var(--border)",
    borderRadius: "0.5rem 0 0 0.5rem",
  },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--mark)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "light-dark(rgba(47, 111, 219, 0.25), rgba(93, 149, 234, 0.35))",
  },
});

/**
 * The learner's Dockerfile editor: CodeMirror 6 with the Dockerfile mode, line numbers, undo
 * history and Tab to indent. Lines do not wrap (a Dockerfile's line breaks carry its meaning): a
 * long one scrolls sideways, on a phone too. Tab does not trap the keyboard: as CodeMirror documents, Escape then
 * Tab (or Ctrl-M / Shift-Alt-M to toggle tab focus mode) moves focus on. Loaded on demand by the
 * island (a dynamic import), so no lesson pays for it until an exercise is opened.
 */
export default function CodeEditor({
  initial,
  initialCursor,
  labelledBy,
  describedBy,
  onChange,
  onReady,
  onSubmit,
}: Props) {
  const host = useRef<HTMLDivElement>(null);
  // The callbacks may change every render; the editor is made once and reads the latest ones.
  const latest = useRef({ onChange, onSubmit });
  latest.current = { onChange, onSubmit };

  // The editor is created once per mount; later text comes from the learner or replace().
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!host.current) return;
    // CodeMirror styles itself with generated CSS. In a document it would add a <style> element,
    // which the site's Content Security Policy refuses (style-src-elem 'self'); in a shadow root
    // it uses a constructed stylesheet (adoptedStyleSheets), which the policy does not govern.
    // The site's colours still reach it: custom properties and color-scheme inherit.
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: "open" });
    // Labels cannot point into a shadow root by id: the content carries the label's text itself.
    const label = document.getElementById(labelledBy)?.textContent ?? "Dockerfile";
    const help = describedBy ? document.getElementById(describedBy)?.textContent : null;
    const attributes: Record<string, string> = { "aria-label": label, "aria-multiline": "true" };
    if (help) attributes["aria-description"] = help;
    const view = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: initial,
        selection: EditorSelection.cursor(Math.min(initialCursor ?? 0, initial.length)),
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          StreamLanguage.define(dockerFile),
          syntaxHighlighting(colours),
          EditorState.tabSize.of(4),
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                latest.current.onSubmit();
                return true;
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          EditorView.contentAttributes.of(attributes),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    onReady({
      goToLine(line) {
        const target = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines)));
        view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
        view.focus();
      },
      replace(text) {
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: text },
          selection: { anchor: 0 },
        });
        view.focus();
      },
      focus: () => view.focus(),
    });
    view.focus();
    return () => view.destroy();
  }, []);

  return <div ref={host} data-testid="exercise-editor" />;
}
