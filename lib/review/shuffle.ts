import { createHash } from "node:crypto";

/**
 * `items` in an order drawn from `seed`: the same seed gives the same order (a reload shows the
 * card as it was), another seed (the card's next round) gives a new one.
 */
export function seededShuffle<T extends { id: string }>(items: T[], seed: string): T[] {
  const rank = (id: string) => createHash("sha256").update(`${seed}\u0000${id}`).digest("hex");
  const ranks = new Map(items.map((item) => [item.id, rank(item.id)]));
  return [...items].sort((a, b) => (ranks.get(a.id)! < ranks.get(b.id)! ? -1 : 1));
}

/** The same, but never `avoid`'s order (an order question must not start out solved). */
export function seededShuffleAvoiding<T extends { id: string }>(
  items: T[],
  seed: string,
  avoid: string[],
): T[] {
  const shuffled = seededShuffle(items, seed);
  if (shuffled.length > 1 && shuffled.every((item, i) => item.id === avoid[i]))
    shuffled.push(shuffled.shift()!);
  return shuffled;
}
