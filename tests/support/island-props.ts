import { expect } from "vitest";

/**
 * The data block an island carries its props in (components/islands/island.tsx): JSON with every
 * `<` escaped, so `[^<]*` is all of it.
 */
const ISLAND_PROPS = /<script type="application\/json" data-island-props="">([^<]*)<\/script>/g;

/**
 * Rendered HTML without its islands' props blocks, each checked to be JSON, nothing else: what is
 * left must hold no script (the lesson-safety checks run on it).
 */
export function withoutIslandProps(html: string): string {
  return html.replace(ISLAND_PROPS, (_, json: string) => {
    expect(() => JSON.parse(json)).not.toThrow();
    return "";
  });
}
