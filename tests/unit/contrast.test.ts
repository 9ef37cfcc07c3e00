import { describe, expect, it } from "vitest";
import { blend, contrastRatio, ensureContrast } from "@/lib/content/contrast";

describe("code colour contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#FFFFFF", "#FFFFFF")).toBe(1);
  });

  it("keeps a colour that already passes and darkens one that fails on a tinted line", () => {
    const tinted = blend("#2F6FDB", 0.12, "#FFFFFF");
    expect(ensureContrast("#24292E", ["#FFFFFF", tinted])).toBe("#24292E");
    const fixed = ensureContrast("#6A737D", ["#FFFFFF", tinted]);
    expect(fixed).not.toBe("#6A737D");
    expect(contrastRatio(fixed, tinted)).toBeGreaterThanOrEqual(4.6);
  });

  it("lightens a dark-theme colour that fails on the dark background", () => {
    const fixed = ensureContrast("#6A737D", ["#0D1117"]);
    expect(contrastRatio(fixed, "#0D1117")).toBeGreaterThanOrEqual(4.6);
  });
});
