import { describe, expect, it } from "vitest";
import {
  type CustomBuildInput,
  changeWord,
  compareCustomBuild,
  formatDuration,
  formatMb,
  formatPercent,
  type MathResult,
  pullTimeSeconds,
  reductionPercent,
  registryStorageMb,
  scaleOutTransferMb,
} from "@/lib/docker/size-math";

function ok<T>(result: MathResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.field}: ${result.error.message}`);
  return result;
}

function error<T>(result: MathResult<T>) {
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("formatting", () => {
  it("shows sizes 1000-based like docker images", () => {
    expect(formatMb(1100)).toBe("1.1 GB");
    expect(formatMb(1000)).toBe("1 GB");
    expect(formatMb(135)).toBe("135 MB");
    expect(formatMb(12)).toBe("12 MB");
    expect(formatMb(2.5)).toBe("2.5 MB");
    expect(formatMb(0)).toBe("0 MB");
    expect(formatMb(999.6)).toBe("1 GB");
    expect(formatMb(27_500)).toBe("27.5 GB");
    expect(formatMb(1_250_000)).toBe("1.25 TB");
  });

  it("rounds percentages to whole numbers, keeping a decimal near 100% and under 10%", () => {
    expect(formatPercent(92.727)).toBe("93%");
    expect(formatPercent(98.588)).toBe("98.6%");
    expect(formatPercent(3.44)).toBe("3.4%");
    expect(formatPercent(50)).toBe("50%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(99.96)).toBe("99.96%");
  });

  it("shows durations in seconds, minutes and hours", () => {
    expect(formatDuration(0.44)).toBe("0.4 s");
    expect(formatDuration(88)).toBe("88 s");
    expect(formatDuration(125)).toBe("2 min 5 s");
    expect(formatDuration(7500)).toBe("2 h 5 min");
  });
});

describe("reduction percent", () => {
  it("returns the value with the formula that produced it", () => {
    const result = ok(reductionPercent(1100, 80));
    expect(result.value).toBeCloseTo(92.727, 3);
    expect(result.formula).toBe("(1100 MB − 80 MB) ÷ 1100 MB × 100 = 92.73% ≈ 93%");
  });

  it("says so when the second image is larger", () => {
    const result = ok(reductionPercent(100, 150));
    expect(result.value).toBe(-50);
    expect(result.note).toMatch(/larger/);
    // A growth reads as growth: a positive figure and "larger", never a negative saving.
    expect(result.display).toBe("50%");
    expect(result.formula).toBe("(150 MB − 100 MB) ÷ 100 MB × 100 = 50% larger");
    expect(changeWord(result)).toBe("larger");
    expect(changeWord(ok(reductionPercent(150, 100)))).toBe("smaller");
  });

  it("a custom build whose multi-stage image is larger says how much larger, without a minus", () => {
    const result = ok(
      compareCustomBuild({
        buildBaseMb: 100,
        runtimeBaseMb: 900,
        buildToolsMb: 0,
        allDependenciesMb: 180,
        productionDependenciesMb: 40,
        appMb: 5,
        buildArtifactsMb: 25,
      }),
    );
    expect(result.savedMb.value).toBe(-635);
    expect(result.savedMb.display).toBe("635 MB");
    expect(result.savedMb.formula).toBe("945 MB − 310 MB = 635 MB larger");
    expect(result.reduction.display).toBe("205%");
    for (const d of [result.savedMb, result.reduction]) expect(d.display).not.toMatch(/^[−-]/);
  });

  it("refuses a starting size of 0", () => {
    expect(error(reductionPercent(0, 0)).field).toBe("fromMb");
  });
});

describe("pull time", () => {
  it("is MB × 8 ÷ Mbit/s: 1.1 GB at 100 Mbit/s takes 88 s", () => {
    const result = ok(pullTimeSeconds(1100, 100));
    expect(result.value).toBe(88);
    expect(result.display).toBe("88 s");
    expect(result.formula).toBe("1100 MB × 8 ÷ 100 Mbit/s = 88 s");
  });

  it("80 MB at 100 Mbit/s takes 6.4 s", () => {
    expect(ok(pullTimeSeconds(80, 100)).value).toBeCloseTo(6.4, 10);
  });

  it("refuses zero bandwidth", () => {
    expect(error(pullTimeSeconds(100, 0))).toMatchObject({ field: "bandwidthMbit" });
  });
});

describe("registry storage", () => {
  it("is tags × size and says it is an upper bound because layers are shared", () => {
    const result = ok(registryStorageMb(1100, 50));
    expect(result.value).toBe(55_000);
    expect(result.display).toBe("55 GB");
    expect(result.formula).toBe("50 tags × 1100 MB = 55000 MB");
    expect(result.note).toMatch(/upper bound/i);
  });

  it("refuses a fractional or zero number of tags", () => {
    expect(error(registryStorageMb(100, 2.5)).field).toBe("tags");
    expect(error(registryStorageMb(100, 0)).field).toBe("tags");
  });
});

describe("scale-out transfer", () => {
  it("is nodes × size", () => {
    const result = ok(scaleOutTransferMb(135, 20));
    expect(result.value).toBe(2700);
    expect(result.display).toBe("2.7 GB");
    expect(result.formula).toBe("20 nodes × 135 MB = 2700 MB");
  });
});

describe("custom comparison", () => {
  const input: CustomBuildInput = {
    buildBaseMb: 1100,
    runtimeBaseMb: 130,
    buildToolsMb: 50,
    allDependenciesMb: 300,
    productionDependenciesMb: 40,
    appMb: 5,
    buildArtifactsMb: 20,
  };

  it("adds base, tools, all deps, app and artifacts for single-stage, and runtime base, prod deps, app for multi-stage", () => {
    const result = ok(compareCustomBuild(input));
    expect(result.singleStage.value).toBe(1475);
    expect(result.singleStage.formula).toBe(
      "base + tools + all deps + app + artifacts: 1100 MB + 50 MB + 300 MB + 5 MB + 20 MB = 1475 MB",
    );
    expect(result.multiStage.value).toBe(175);
    expect(result.multiStage.formula).toBe(
      "runtime base + production deps + app: 130 MB + 40 MB + 5 MB = 175 MB",
    );
    expect(result.savedMb.value).toBe(1300);
    expect(result.reduction.value).toBeCloseTo(88.14, 2);
    expect(result.reduction.display).toBe("88%");
  });

  it("treats build artifacts as optional", () => {
    const { buildArtifactsMb: _omit, ...rest } = input;
    expect(ok(compareCustomBuild(rest)).singleStage.value).toBe(1455);
  });

  it("refuses production dependencies larger than all dependencies", () => {
    expect(error(compareCustomBuild({ ...input, productionDependenciesMb: 400 })).field).toBe(
      "productionDependenciesMb",
    );
  });

  it("handles all-zero input without dividing by zero", () => {
    const zero = {
      buildBaseMb: 0,
      runtimeBaseMb: 0,
      buildToolsMb: 0,
      allDependenciesMb: 0,
      productionDependenciesMb: 0,
      appMb: 0,
    };
    expect(ok(compareCustomBuild(zero)).reduction.display).toBe("0%");
  });
});

describe("invalid input comes back as an error value, never a throw", () => {
  it.each([
    ["negative size", () => pullTimeSeconds(-1, 100), "sizeMb", /negative/],
    ["NaN size", () => reductionPercent(Number.NaN, 80), "fromMb", /number/],
    ["infinite bandwidth", () => pullTimeSeconds(100, Number.POSITIVE_INFINITY), "bandwidthMbit", /finite/],
    ["absurd size", () => registryStorageMb(5_000_000, 2), "sizeMb", /typo/],
    ["absurd node count", () => scaleOutTransferMb(100, 1e9), "nodes", /typo/],
    [
      "negative custom field",
      () =>
        compareCustomBuild({
          buildBaseMb: 1,
          runtimeBaseMb: 1,
          buildToolsMb: -3,
          allDependenciesMb: 1,
          productionDependenciesMb: 1,
          appMb: 1,
        }),
      "buildToolsMb",
      /negative/,
    ],
  ] as const)("%s", (_name, run, field, message) => {
    const result = run() as MathResult<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe(field);
      expect(result.error.message).toMatch(message);
    }
  });
});
