/** WCAG contrast helpers, used to keep highlighted code readable on every line background. */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h.slice(0, 6);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`.toUpperCase();
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** `color` at `alpha` over `base`, as an opaque hex colour. */
export function blend(color: string, alpha: number, base: string): string {
  const c = parseHex(color);
  const b = parseHex(base);
  return toHex([0, 1, 2].map((i) => c[i]! * alpha + b[i]! * (1 - alpha)) as Rgb);
}

/**
 * The colour nearest to `color` (same hue, moved towards black or white) whose contrast is at
 * least `min` against every background.
 */
export function ensureContrast(color: string, backgrounds: string[], min = 4.6): string {
  const worst = (c: string) => Math.min(...backgrounds.map((bg) => contrastRatio(c, bg)));
  if (worst(color) >= min) return color;
  const dark = luminance(parseHex(backgrounds[0]!)) < 0.2;
  const target: Rgb = dark ? [255, 255, 255] : [0, 0, 0];
  const start = parseHex(color);
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const candidate = toHex([0, 1, 2].map((i) => start[i]! + (target[i]! - start[i]!) * t) as Rgb);
    if (worst(candidate) >= min) return candidate;
  }
  return toHex(target);
}
