import type { CellChange } from "../../engine/port/ChangeSet";
import { changeKey, keepTicked, tickedCount, toggleTick } from "./changeSelection";

const change = (sheet: string, cell: string): CellChange => ({ sheet, cell, old: "x", new: "y", rule: "R" });
const changes = [
  change("Joint Tracker", "C2"),
  change("Joint Tracker", "D4"),
  change("Fostering Support", "C2"),
];

describe("ticking the changes a fix will make", () => {
  it("names a change by its sheet and cell, so the same cell on two sheets are two changes", () => {
    expect(changes.map(changeKey)).toEqual(["Joint Tracker!C2", "Joint Tracker!D4", "Fostering Support!C2"]);
  });

  it("keeps every change until one is unticked, and keeps it again once ticked back", () => {
    const none = new Set<string>();
    expect(tickedCount(changes, none)).toBe(3);
    const one = toggleTick(none, "Joint Tracker!C2", false);
    expect(none.size).toBe(0);
    expect(changes.filter(keepTicked(one)).map(changeKey)).toEqual([
      "Joint Tracker!D4",
      "Fostering Support!C2",
    ]);
    expect(tickedCount(changes, one)).toBe(2);
    expect(tickedCount(changes, toggleTick(one, "Joint Tracker!C2", true))).toBe(3);
  });

  it("keeps a change the re-check finds afresh, which the user never saw to untick", () => {
    const unticked = new Set(["Joint Tracker!C2"]);
    expect(keepTicked(unticked)(change("Joint Tracker", "E9"))).toBe(true);
  });
});
