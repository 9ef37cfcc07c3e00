"use client";

import { Component, type ReactNode } from "react";

type Props = { children: ReactNode /** A new version of the preview clears a failure. */; version: number };
type State = { failed: boolean; version: number };

/**
 * Keeps a preview that fails to render from taking the editor down with it. Not keyed by
 * version: each update is diffed into the same tree, so widgets keep their state while typing.
 */
export class PreviewBoundary extends Component<Props, State> {
  state: State = { failed: false, version: this.props.version };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.version !== state.version ? { failed: false, version: props.version } : null;
  }

  render() {
    if (this.state.failed) {
      return (
        <p role="alert" className="rounded-lg border border-red-700/50 p-4 text-red-800 dark:text-red-200">
          This version compiled but could not be rendered. Keep editing; the next compile replaces it.
        </p>
      );
    }
    return this.props.children;
  }
}
