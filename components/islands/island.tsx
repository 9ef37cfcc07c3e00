"use client";

import { type ComponentType, createContext, lazy, Suspense, useContext } from "react";
import { packIslandProps, scriptJson } from "./island-props";
import { type IslandName, type IslandProps, islandLoaders } from "./registry";

/**
 * The island components, imported as they are, where a render must not suspend on import()
 * (the lesson body's server render provides ./island-components.ts). Elsewhere they load lazily.
 */
export const IslandComponentsContext = createContext<Partial<
  Record<IslandName, ComponentType<never>>
> | null>(null);

// biome-ignore lint/suspicious/noExplicitAny: each island takes its own props, checked by <Island>'s type
const components = new Map<IslandName, ComponentType<any>>();

function islandComponent(name: IslandName) {
  let component = components.get(name);
  if (!component) {
    component = lazy(() => islandLoaders[name]().then((c) => ({ default: c as ComponentType<unknown> })));
    components.set(name, component);
  }
  return component;
}

/**
 * An interactive part of a lesson. Renders the component (its HTML is what readers without
 * JavaScript get) inside an element that names it and carries its props in a JSON script (not an
 * attribute, where every quote would cost `&quot;`), from which the lesson page mounts it in the
 * browser (./mount.tsx, ./island-props.ts). Where a lesson is an ordinary React tree
 * (the instructor's preview) it simply hydrates with it. `inline` for islands inside phrasing
 * content (a code block's header).
 */
export function Island<N extends IslandName>({
  name,
  props,
  inline = false,
}: {
  name: N;
  props: IslandProps<N>;
  inline?: boolean;
}) {
  const ready = useContext(IslandComponentsContext)?.[name] as ComponentType<object> | undefined;
  const Component = ready ?? islandComponent(name);
  const Wrapper = inline ? "span" : "div";
  const element = <Component {...(props as object)} />;
  return (
    <Wrapper data-island={name} className="contents">
      <IslandPropsScript props={packIslandProps(name, props)} />
      {ready ? element : <Suspense fallback={null}>{element}</Suspense>}
    </Wrapper>
  );
}

/** An island's props as a JSON data block (./island-props.ts reads it back). */
export function IslandPropsScript({ props }: { props: unknown }) {
  // JSON with every `<` escaped (scriptJson): no markup, and no string can end the script.
  return (
    <script
      type="application/json"
      data-island-props=""
      dangerouslySetInnerHTML={{ __html: scriptJson(props) }}
    />
  );
}
