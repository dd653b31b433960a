import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { repeatedIds } from "./repeatedIds";
import { trackerTableOf } from "../../../test/support/trackerTableOf";
import { typeTable } from "./TypedTable";

describe("repeated IDs", () => {
  it("group the rows of each ID on more than one row, trimmed and upper-cased, first row first", () => {
    const ids = ["C1", "C2", " c1", null, "C3", "C2", "C1 ", "  "];
    const table = typeTable(
      trackerTableOf(
        "ploTracker",
        ids.map((childId) => ({ childId })),
      ),
      DEFAULT_PROFILE,
    );
    if (!table) throw new Error("the default profile knows the sheet");
    const groups = repeatedIds(table, "childId");
    expect([...groups].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [0, 2, 6],
      [1, 5],
    ]);
    expect(repeatedIds(table, "childId")).toBe(groups);
  });
});
