import { EXCEL_ERROR_TEXTS } from "../cells/CellValue";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { textCellsToCheck, tidyText } from "./textCells";
import { trackerTableOf } from "../../../test/support/trackerTableOf";
import { typeTable, type TypedTable } from "./TypedTable";

const teamColumn = (...team: (string | number | null | { error: string })[]): TypedTable => {
  const table = typeTable(
    trackerTableOf(
      "ploTracker",
      team.map((value) => ({ team: value })),
      { columns: ["childId", "team"] },
    ),
    DEFAULT_PROFILE,
  );
  if (!table) throw new Error("the default profile knows the sheet");
  return table;
};

describe("the text cells to check", () => {
  it("are the untidy text, the error values and the text that may show an error (# after any spaces), by row", () => {
    const cells = textCellsToCheck(
      teamColumn("Team A", " Team A", "Team  A", null, 4, "#N/A", { error: "#REF!" }, " #ref! ", "Team\tA"),
      "team",
    );
    expect(cells).toEqual({ untidy: [1, 2, 7, 8], errors: [1, 5, 6, 7] });
  });

  it("are found once a column and shared by both text checks", () => {
    const table = teamColumn("Team A");
    expect(textCellsToCheck(table, "team")).toBe(textCellsToCheck(table, "team"));
  });

  // Text that starts with any other visible character is passed over as no error.
  it("can pass over text not starting with # because every Excel error text starts with it", () => {
    expect([...EXCEL_ERROR_TEXTS].filter((text) => !text.startsWith("#"))).toEqual([]);
  });
});

describe("tidying text", () => {
  it("trims, collapses runs of spaces and keeps line breaks", () => {
    expect(tidyText("  Jane\u00a0 Smith \n  Team\tA ")).toBe("Jane Smith\nTeam A");
    expect(tidyText("Jane Smith")).toBe("Jane Smith");
  });
});
