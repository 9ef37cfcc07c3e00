import { describe, expect, it } from "vitest";
import { nextTab } from "@/components/ui/roving-tabs";

describe("roving tabs (the lessons' <Tabs> and the size calculator)", () => {
  it("arrow keys wrap around, Home and End jump to the ends, other keys do nothing", () => {
    expect(nextTab("ArrowRight", 0, 3)).toBe(1);
    expect(nextTab("ArrowRight", 2, 3)).toBe(0);
    expect(nextTab("ArrowLeft", 0, 3)).toBe(2);
    expect(nextTab("ArrowLeft", 2, 3)).toBe(1);
    expect(nextTab("Home", 2, 3)).toBe(0);
    expect(nextTab("End", 0, 3)).toBe(2);
    expect(nextTab("Enter", 1, 3)).toBeNull();
    expect(nextTab("ArrowDown", 1, 3)).toBeNull();
  });
});
