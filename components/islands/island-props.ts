import { packQuizProps, unpackQuizProps } from "@/components/quiz/quiz-text";
import type { IslandName, IslandProps } from "./registry";

/**
 * Islands whose server HTML already holds some of their props (a quiz's questions and choices):
 * the page carries the rest (`pack`), and the browser reads the text back from that HTML before
 * the island replaces it (`unpack`), so no text travels twice.
 */
const packing: {
  [N in IslandName]?: {
    pack: (props: IslandProps<N>) => unknown;
    unpack: (element: HTMLElement, packed: unknown) => IslandProps<N>;
  };
} = {
  quiz: { pack: packQuizProps, unpack: unpackQuizProps },
};

/**
 * JSON to put in a `<script type="application/json">`: every `<` written as `\u003c`, so no
 * string in it can end the script (`</script>`) or open a comment (`<!--`); JSON.parse reads the
 * same value back.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** What island `name`'s element carries in the page: its props, less what its HTML holds. */
export function packIslandProps<N extends IslandName>(name: N, props: IslandProps<N>): unknown {
  const pack = packing[name]?.pack as ((props: IslandProps<N>) => unknown) | undefined;
  return pack ? pack(props) : props;
}

/**
 * The props of the island at `element` (an `<Island>` in server HTML), for mounting it: the JSON
 * script it carries, completed from its HTML where the page sent the island less.
 */
export function islandProps(element: HTMLElement): Record<string, unknown> {
  const script = element.querySelector(":scope > script[data-island-props]");
  const packed: unknown = JSON.parse(script?.textContent || "{}");
  const unpack = packing[element.dataset.island as IslandName]?.unpack;
  return (unpack ? unpack(element, packed) : packed) as Record<string, unknown>;
}
