import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import type { MdxComponents } from "./mdx-components";

type MdxModule = { default: React.ComponentType<{ components: MdxComponents }> };

const modules = new Map<string, MdxModule>();

/**
 * Evaluates a lesson compiled by lib/content (mdx-bundler output) with this React instance.
 * The code is produced by our own pipeline, which rejects imports and expressions, so it
 * contains only JSX calls; the function is built once per distinct code string.
 */
function evaluate(code: string): MdxModule {
  let mod = modules.get(code);
  if (!mod) {
    const scope = { React, _jsx_runtime: jsxRuntime };
    mod = new Function(...Object.keys(scope), code)(...Object.values(scope)) as MdxModule;
    if (modules.size > 200) modules.clear();
    modules.set(code, mod);
  }
  return mod;
}

/** Renders compiled lesson MDX with the map of components an author may use. */
export function MdxContent({ code, components }: { code: string; components: MdxComponents }) {
  const Content = evaluate(code).default;
  return <Content components={components} />;
}
