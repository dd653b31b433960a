import { EMPTY_CELL_DATE, coerceCellDate } from "../cells/coerceCellDate";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import type { TrackerTable } from "../tables/TrackerTable";
import { cellOf } from "../tables/TrackerTable";
import { withColumns } from "../tables/tableColumns";
import { serial } from "../../../test/support/checkFixtures";
import { messyTables } from "../../../test/support/messyTables";
import { trackerTableOf } from "../../../test/support/trackerTableOf";
import { NO_DAY } from "../dates/epochDay";
import { cellText, typeTable, type TypedTable } from "./TypedTable";

const typed = (table: TrackerTable): TypedTable => {
  const result = typeTable(table, DEFAULT_PROFILE);
  if (!result) throw new Error("the default profile knows every sheet");
  return result;
};

describe("a typed table", () => {
  it("holds each column's cells, dates, days and trimmed text as the rows do, cell for cell", () => {
    for (const table of messyTables(60, 3)) {
      const t = typed(table);
      expect(table.rows.map((_, i) => t.rowNumber(i))).toEqual(table.rows.map((row) => row.rowNumber));
      for (const { key, type } of t.mappedColumns) {
        const values = table.rows.map((row) => cellOf(row, key));
        const dates = values.map((value) => (type === "date" ? coerceCellDate(value) : EMPTY_CELL_DATE));
        expect(t.values(key)).toEqual(values);
        expect(t.dates(key)).toEqual(dates);
        expect([...t.days(key)]).toEqual(dates.map((read) => (read.kind === "date" ? read.day : NO_DAY)));
        expect(t.texts(key)).toEqual(values.map(cellText));
      }
    }
  });

  it("lists as irregular the date cells written as text, placeholders and problems, not real dates or blanks", () => {
    const t = typed(
      trackerTableOf(
        "ploTracker",
        [
          { firstLpm: serial("2025-01-10") },
          { firstLpm: "10/01/2025" },
          { firstLpm: null },
          { firstLpm: "TBC" },
          { firstLpm: new Date(Date.UTC(2025, 0, 10)) },
          { firstLpm: "31/02/2025" },
          { firstLpm: { error: "#N/A" } },
        ],
        { columns: ["childId", "firstLpm"] },
      ),
    );
    expect(t.irregularDates("firstLpm")).toEqual([1, 3, 5, 6]);
  });

  it("reads a column that is not a date column as having no dates", () => {
    const t = typed(trackerTableOf("ploTracker", [{ childId: "C1" }], { columns: ["childId"] }));
    expect(t.dates("childId")).toEqual([{ kind: "empty" }]);
    expect([...t.days("childId")]).toEqual([NO_DAY]);
  });

  it("finds a row by its Excel row number, also among rows out of order", () => {
    const table = trackerTableOf("ploTracker", [{ childId: "A" }, { childId: "B" }, { childId: "C" }]);
    const shuffled: TrackerTable = withColumns({
      ...table,
      rows: [table.rows[2], table.rows[0], table.rows[1]].map((row, i) => ({
        rowNumber: [9, 3, 5][i] as number,
        values: row?.values ?? {},
      })),
    });
    const t = typed(shuffled);
    expect([9, 3, 5, 4].map((n) => t.indexOf(n))).toEqual([0, 1, 2, undefined]);
    expect(t.rowAt(5)?.text("childId")).toBe("B");
    expect(typed(table).indexOf(3)).toBe(1);
  });

  it("makes what several checks read of a column once, and shares it", () => {
    const t = typed(trackerTableOf("ploTracker", [{ childId: "C1" }]));
    const read = jest.fn((table: TypedTable, key: string) => table.texts(key).length);
    expect(t.shared("childId", read)).toBe(1);
    expect(t.shared("childId", read)).toBe(1);
    expect(t.shared("firstLpm", read)).toBe(1);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("still gives a row at a time, as views of the columns", () => {
    const t = typed(trackerTableOf("ploTracker", [{ childId: " C1 ", firstLpm: "10/01/2025" }]));
    const row = t.rows()[0];
    expect([row?.rowNumber, row?.text("childId"), row?.day("firstLpm"), row?.day("finalLpm")]).toEqual([
      2,
      "C1",
      t.days("firstLpm")[0],
      undefined,
    ]);
  });
});
