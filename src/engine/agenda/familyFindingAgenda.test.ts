import type { CellValue } from "../cells/CellValue";
import { borrowFromJointTracker } from "../familyFinding/borrowFromJointTracker";
import { modelCellsOf } from "../port/modelCells";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet, type SheetSpec } from "../profile/TrackerProfile";
import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import { day, evaluate, table } from "../../../test/support/summaryFixtures";
import { buildAgendaSheet } from "./buildAgendaSheet";
import { planSurgeryAgenda, type AgendaRequest } from "./planSurgeryAgenda";

/*
 * The family-finding surgery: cases by family finder, adoption and long-term fostering apart,
 * siblings together, the date became looked after read from the Joint Tracker when the Family
 * Finding sheet has none, and the agenda saying so.
 */

const sheet = profileSheet(DEFAULT_PROFILE, "familyFinding") as SheetSpec;
const asOf = "2024-06-03";

// As of Mon 03/06/2024. A1 runs 426 days from becoming looked after; A2 121 days from the order.
const JOINT: Record<string, CellValue>[] = [
  { childId: "C1", becameLookedAfter: "02/01/2023", siblingGroup: "SG1" }, // A1 due 03/03/2024: overdue
  { childId: "C2", becameLookedAfter: "02/01/2023", siblingGroup: "SG1" },
  { childId: "C3", becameLookedAfter: "01/03/2024" },
  { childId: "C4", becameLookedAfter: "01/09/2022", permanenceAchieved: "01/12/2023" }, // closed episode
  { childId: "C4", becameLookedAfter: "10/01/2024" }, // the open one
];
const FAMILY_FINDING: Record<string, CellValue>[] = [
  // An LTF match for Kim: panel Mon 20/05/2024, the ADM due 30/05 (27/05 a bank holiday), overdue.
  {
    childId: "C3",
    familyFinder: "Kim Ray",
    referral: "01/04/2024",
    profileCompleted: "05/04/2024",
    panel: "20/05/2024",
  },
  // Kim's adoption sibling pair: A1 overdue for both, the younger one's order 120 days ago.
  {
    childId: "C2",
    familyFinder: "Kim Ray",
    referral: "01/02/2024",
    profileCompleted: "08/02/2024",
    shouldBePlaced: "01/02/2024",
    placementOrder: "05/02/2024",
  },
  {
    childId: "C9",
    familyFinder: "Kim Ray",
    referral: "01/02/2024",
    profileCompleted: "08/02/2024",
    shouldBePlaced: "01/02/2024",
  },
  {
    childId: "C1",
    familyFinder: "Kim Ray",
    referral: "01/02/2024",
    profileCompleted: "08/02/2024",
    shouldBePlaced: "01/02/2024",
    placementOrder: "05/02/2024",
  },
  // Ali's adoption case: BLA taken from the open Joint Tracker row, nothing due yet.
  { childId: "C4", familyFinder: "Ali Shah", referral: "20/05/2024", shouldBePlaced: "15/05/2024" },
];

const request: AgendaRequest = {
  surgery: "family-finding",
  date: day(asOf),
  asOf: day(asOf),
  names: false,
  all: true,
  generatedAt: "03/06/2024 09:00",
};

function plan() {
  const { tables } = borrowFromJointTracker([
    table("jointTracker", JOINT),
    table("familyFinding", FAMILY_FINDING),
  ]);
  const familyFinding = tables.find((t) => t.sheetKey === "familyFinding");
  if (!familyFinding) throw new Error("no family finding table");
  return planSurgeryAgenda(request, {
    evaluation: evaluate(tables, asOf),
    table: familyFinding,
    sheet,
    standards: DEFAULT_STANDARDS,
  });
}

describe("the family-finding agenda", () => {
  it("lists each family finder's adoption cases apart from their long-term fostering cases, adoption first", () => {
    const agenda = plan();
    expect(agenda.workers.map((w) => [w.worker, w.stream, w.cases.map((c) => c.id)])).toEqual([
      ["Ali Shah", "adoption", ["C4"]],
      ["Kim Ray", "adoption", ["C1", "C2", "C9"]],
      ["Kim Ray", "long-term fostering", ["C3"]],
    ]);
  });

  it("keeps siblings together, worst first, and cannot assess a child with no Joint Tracker row", () => {
    const kim = plan().workers[1];
    // C1 and C2 (sibling group SG1) are both overdue on A1; C9 has no BLA anywhere: dates to check.
    expect(kim?.cases.map((c) => c.siblingGroup)).toEqual(["SG1", "SG1", null]);
    expect(kim?.cannotAssess).toBe(1);
    expect(kim?.overdue).toBeGreaterThanOrEqual(2);
  });

  it("says the date became looked after came from the Joint Tracker, and which children have no row there", () => {
    const agenda = plan();
    expect(agenda.keyHeaders[0]).toBe("Date became looked after (jointTracker sheet)");
    expect(agenda.notes).toEqual([
      expect.stringMatching(
        /^Date became looked after and sibling group: read from each child's jointTracker sheet row by child ID, .* 1 child has no jointTracker sheet row \(C9\)\.$/,
      ),
    ]);
    const cells = [...modelCellsOf(buildAgendaSheet(agenda, "Agenda FF 2024-06-03"))];
    const texts = cells.map((c) => String(c.value));
    expect(texts).toContain("Kim Ray — long-term fostering — 1 overdue · 0 due soon · 0 dates to check");
    expect(texts.some((t) => t.startsWith("Date became looked after and sibling group: read from"))).toBe(
      true,
    );
  });

  it("uses the open Joint Tracker episode's date became looked after, not a closed one's", () => {
    const { tables } = borrowFromJointTracker([
      table("jointTracker", JOINT),
      table("familyFinding", FAMILY_FINDING),
    ]);
    const ff = tables.find((t) => t.sheetKey === "familyFinding");
    expect(ff?.rows.find((r) => r.values.childId === "C4")?.values.becameLookedAfter).toBe("10/01/2024");
  });

  it("never replaces the Family Finding sheet's own date became looked after", () => {
    const own = FAMILY_FINDING.map((r) => ({ ...r, becameLookedAfter: null }));
    const { tables, borrowed } = borrowFromJointTracker([
      table("jointTracker", JOINT),
      table("familyFinding", own),
    ]);
    expect(borrowed.map((b) => b.key)).toEqual(["siblingGroup"]);
    expect(tables[1]?.rows[0]?.values.becameLookedAfter).toBeNull();
  });
});
