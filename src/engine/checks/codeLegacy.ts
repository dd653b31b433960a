import { defineCheck, problem } from "./defineCheck";
import { eachCodeCell } from "./codeCells";

/** Placement codes H5, P2 and Z1 were valid before 2025/26: right for old episodes, wrong for new ones. */
export const codeLegacy = defineCheck({
  code: "CODE-LEGACY",
  severity: "warning",
  title: "Code from an earlier year's list",
  reads: [],
  check: (table) =>
    eachCodeCell(table, (reading, row, column, list) =>
      reading.kind !== "unknown" && reading.match.code.legacy === true
        ? problem(row.rowNumber, column.key, {
            code: reading.match.code.code,
            label: reading.match.code.label,
            list: list.title,
          })
        : undefined,
    ),
});
