// Exercise drafts across tabs and devices whose clocks disagree, against a real database (run once
// per provider; `LECTERN_TEST_DATABASE=postgresql` for PostgreSQL). Which draft is newer is decided
// by the server's revision, which every save names as its base (compare-and-set), never by a
// device's clock: a learner's clock is client input.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  afterDraftSave,
  type DraftSaveAnswer,
  type LocalDraft,
  parseLocalDraft,
  reconcileDraft,
  type ServerDraft,
} from "@/lib/exercises/draft-sync";
import { migratedTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database";

let database: TestDatabase;
let db: typeof import("@/lib/db").db;
let drafts: typeof import("@/lib/exercises/drafts");

beforeAll(async () => {
  database = await migratedTestDatabase("exercise_drafts");
  process.env.DATABASE_URL = database.url;
  ({ db } = await import("@/lib/db"));
  drafts = await import("@/lib/exercises/drafts");
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await db?.$disconnect();
  await database?.drop();
});

const key = { course: "docker", lesson: "multi-stage-builds", exerciseId: "shrink" };
const learner = async () => (await db.learner.create({ data: {} })).id;

/** What the JSON route answers for a save: the server's draft as text and number. */
async function save(learnerId: string, source: string, base: number): Promise<DraftSaveAnswer> {
  const answer = await drafts.saveDraft(learnerId, key, source, base);
  return answer.saved
    ? { saved: true, revision: answer.revision, savedAt: answer.updatedAt.toISOString() }
    : { saved: false, current: serverView(answer.current) };
}
const serverView = (d: { source: string; revision: number; updatedAt: Date }): ServerDraft => ({
  source: d.source,
  revision: d.revision,
  savedAt: d.updatedAt.toISOString(),
});
async function serverDraft(learnerId: string): Promise<ServerDraft | null> {
  const d = await drafts.loadDraft(learnerId, key);
  return d && serverView(d);
}

describe(`exercise drafts, compare-and-set (${TEST_PROVIDER})`, () => {
  it("numbers each save, and refuses one built on a revision the server has moved past", async () => {
    const id = await learner();
    const first = await drafts.saveDraft(id, key, "FROM a", 0);
    expect(first).toMatchObject({ saved: true, revision: 1 });
    expect(await drafts.saveDraft(id, key, "FROM b", 1)).toMatchObject({ saved: true, revision: 2 });
    // A second tab that last saw revision 1 may not overwrite revision 2: it gets revision 2 back.
    const stale = await drafts.saveDraft(id, key, "FROM tab", 1);
    expect(stale).toMatchObject({ saved: false, current: { source: "FROM b", revision: 2 } });
    // A device that never saw the server's draft may not overwrite it either.
    expect(await drafts.saveDraft(id, key, "FROM phone", 0)).toMatchObject({ saved: false });
    expect((await drafts.loadDraft(id, key))?.source).toBe("FROM b");
    // The same text as the server's is no conflict, whatever base it names.
    expect(await drafts.saveDraft(id, key, "FROM b", 0)).toMatchObject({ saved: true, revision: 2 });
  });

  it("lets exactly one of two saves on the same base through, when they race", async () => {
    const id = await learner();
    await drafts.saveDraft(id, key, "FROM start", 0);
    const raced = await Promise.all(
      ["FROM one", "FROM two", "FROM three"].map((s) => drafts.saveDraft(id, key, s, 1)),
    );
    expect(raced.filter((r) => r.saved)).toHaveLength(1);
    const winner = raced.find((r) => r.saved);
    expect((await drafts.loadDraft(id, key))?.revision).toBe(winner?.saved ? winner.revision : -1);
    // Two first saves racing to create the row: one is created, the other is told about it.
    const other = await learner();
    const created = await Promise.all(["FROM x", "FROM y"].map((s) => drafts.saveDraft(other, key, s, 0)));
    expect(created.filter((r) => r.saved)).toHaveLength(1);
    expect(await db.exerciseDraft.count({ where: { learnerId: other } })).toBe(1);
  });
});

describe("a browser's draft against the server's (no clocks)", () => {
  const server: ServerDraft = { source: "FROM server", revision: 4, savedAt: "2026-12-06T10:00:00.000Z" };
  it("takes the server's over a copy that holds nothing unsaved", () => {
    expect(reconcileDraft({ source: "FROM old", base: 3, dirty: false }, server)).toEqual({
      use: "server",
      draft: server,
    });
  });
  it("keeps unsaved edits made on the server's current revision", () => {
    const local = { source: "FROM mine", base: 4, dirty: true };
    expect(reconcileDraft(local, server)).toEqual({ use: "local", local });
  });
  it("shows both when the browser's edits and the server's draft went separate ways", () => {
    const local = { source: "FROM mine", base: 2, dirty: true };
    expect(reconcileDraft(local, server)).toEqual({ use: "conflict", mine: local, theirs: server });
  });
  it("reads drafts kept before revisions (plain text, or text with a time) as unsaved edits on nothing", () => {
    expect(parseLocalDraft("FROM plain")).toEqual({ source: "FROM plain", base: 0, dirty: true });
    expect(parseLocalDraft(JSON.stringify({ source: "FROM timed", at: 9e15 }))).toEqual({
      source: "FROM timed",
      base: 0,
      dirty: true,
    });
    expect(parseLocalDraft(null)).toBeNull();
  });
});

// A model of learners' devices (each with its own clock, off by up to two days either way) that
// type, save, reload and settle conflicts in any order, against the real database. Whatever the
// clocks say: no text a learner typed disappears from their screen unless the server holds it or
// they chose the other version; the server only accepts a save built on its current revision; and
// the outcome is the same as with every clock right.
//
// Two saves that race reach the database in an order no one chooses, and on PostgreSQL (separate
// connections) it differs from run to run. So the clock comparison replays each race in the order
// the first run's answers show it happened, one save after the other: the revision a save made, or
// the one it was refused on, places it (a refusal that saw a save's revision came after that save).
type Device = {
  skew: number;
  /** The editor's text. */
  screen: string;
  /** This browser's stored draft. */
  local: LocalDraft | null;
  /** A conflict being shown: the server's draft beside the learner's. */
  conflict: ServerDraft | null;
  /** The last text the learner typed here and has not given up. */
  typed: string | null;
};
type Op =
  | { kind: "edit"; device: number; text: string }
  | { kind: "save"; device: number }
  | { kind: "race"; devices: [number, number] }
  | { kind: "reload"; device: number }
  | { kind: "keepMine"; device: number }
  | { kind: "takeTheirs"; device: number };

const HOUR = 3_600_000;
const op = (devices: number): fc.Arbitrary<Op> => {
  const device = fc.nat({ max: devices - 1 });
  // Typing, saving and reloading most often; racing saves and settling conflicts now and then.
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("edit" as const),
        device,
        text: fc.stringMatching(/^FROM [a-z]{1,6}$/),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("save" as const), device }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("reload" as const), device }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("race" as const), devices: fc.tuple(device, device) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("keepMine" as const), device }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("takeTheirs" as const), device }) },
  );
};

/** Where an answer places its save among racing ones: the revision it made or was shown, a refusal after a save. */
const placeOf = (a: DraftSaveAnswer) => (a.saved ? a.revision * 2 : a.current.revision * 2 + 1);

/** The order each race's saves took (by the race's place in `ops`), learnt from their answers. */
type RaceOrders = Map<number, number[]>;

async function simulate(skews: number[], ops: Op[], replay?: RaceOrders) {
  const id = await learner();
  const devices: Device[] = skews.map((skew) => ({
    skew,
    screen: "",
    local: null,
    conflict: null,
    typed: null,
  }));
  const accepted = new Set<string>();
  const raceOrders: RaceOrders = new Map();
  // Client-side steps run on the device's clock: a fixed time a second per step (so two runs of one
  // interleaving see the same times), plus the device's skew. The server keeps its own.
  let step = 0;
  const onDevice = <T>(d: Device, run: () => T): T => {
    const now = 1_800_000_000_000 + step * 1000 + d.skew;
    const spy = vi.spyOn(Date, "now").mockImplementation(() => now);
    try {
      return run();
    } finally {
      spy.mockRestore();
    }
  };
  const saveFrom = async (d: Device) => {
    if (d.conflict || !d.local?.dirty) return;
    const sent = d.local.source;
    const before = await serverDraft(id);
    const answer = await save(id, sent, d.local.base);
    if (answer.saved && before?.source !== sent) {
      // Compare-and-set: accepted only on the server's current revision (or as the first draft).
      expect(d.local.base).toBe(before?.revision ?? d.local.base);
      accepted.add(sent);
    }
    applySave(d, sent, answer);
  };
  const applySave = (d: Device, sent: string, answer: DraftSaveAnswer) =>
    onDevice(d, () => {
      const next = afterDraftSave(sent, d.screen, answer);
      if ("conflict" in next) d.conflict = next.conflict;
      else d.local = next.local;
    });
  for (const [at, o] of ops.entries()) {
    step += 1;
    if (o.kind === "edit") {
      const d = devices[o.device]!;
      d.screen = o.text;
      d.typed = o.text;
      d.local = { source: o.text, base: d.local?.base ?? 0, dirty: true };
    } else if (o.kind === "save") await saveFrom(devices[o.device]!);
    else if (o.kind === "race") {
      const pair = o.devices.map((i) => devices[i]!);
      if (pair[0] === pair[1] || pair.some((d) => d.conflict || !d.local?.dirty)) continue;
      const sent = pair.map((d) => d.local!.source);
      const order = replay?.get(at);
      const answers: DraftSaveAnswer[] = [];
      if (order) {
        for (const i of order) answers[i] = await save(id, sent[i]!, pair[i]!.local!.base);
      } else {
        answers.push(...(await Promise.all(pair.map((d, i) => save(id, sent[i]!, d.local!.base)))));
        raceOrders.set(
          at,
          [0, 1].sort((i, j) => placeOf(answers[i]!) - placeOf(answers[j]!)),
        );
      }
      for (const [i, a] of answers.entries()) {
        if (a.saved) accepted.add(sent[i]!);
        applySave(pair[i]!, sent[i]!, a);
      }
    } else if (o.kind === "reload") {
      const d = devices[o.device]!;
      const server = await serverDraft(id);
      onDevice(d, () => {
        d.conflict = null;
        const r = reconcileDraft(d.local, server);
        if (r.use === "server") {
          d.screen = r.draft.source;
          d.local = { source: r.draft.source, base: r.draft.revision, dirty: false };
        } else if (r.use === "local") {
          d.local = r.local;
          d.screen = r.local.source;
        } else if (r.use === "conflict") {
          d.screen = r.mine.source;
          d.conflict = r.theirs;
        }
      });
    } else if (o.kind === "keepMine") {
      const d = devices[o.device]!;
      if (!d.conflict || !d.local) continue;
      d.local = { source: d.screen, base: d.conflict.revision, dirty: true };
      d.conflict = null;
    } else {
      const d = devices[o.device]!;
      if (!d.conflict) continue;
      // The learner chose the other version: what they typed here is given up knowingly.
      d.screen = d.conflict.source;
      d.typed = null;
      d.local = { source: d.conflict.source, base: d.conflict.revision, dirty: false };
      d.conflict = null;
    }
    for (const d of devices) {
      if (d.typed !== null && d.screen !== d.typed) expect(accepted.has(d.typed)).toBe(true);
    }
  }
  const final = await serverDraft(id);
  if (final) expect(accepted.has(final.source)).toBe(true);
  return {
    outcome: {
      final: final?.source ?? null,
      devices: devices.map((d) => ({
        screen: d.screen,
        local: d.local,
        conflict: d.conflict?.source ?? null,
      })),
    },
    raceOrders,
  };
}

describe(`drafts under skewed clocks and any interleaving (${TEST_PROVIDER})`, () => {
  it("lose nothing typed, overwrite nothing unseen, and do not depend on any clock", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -48 * HOUR, max: 48 * HOUR }), { minLength: 2, maxLength: 3 }),
        fc.array(op(3), { minLength: 12, maxLength: 30, size: "max" }),
        async (skews, raw) => {
          const ops = raw.filter((o) =>
            o.kind === "race" ? o.devices.every((i) => i < skews.length) : o.device < skews.length,
          );
          const skewed = await simulate(skews, ops);
          const right = await simulate(
            skews.map(() => 0),
            ops,
            skewed.raceOrders,
          );
          expect(skewed.outcome).toEqual(right.outcome);
        },
      ),
      { numRuns: TEST_PROVIDER === "postgresql" ? 40 : 80 },
    );
  }, 120_000);
});
