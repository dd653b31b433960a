import { defineCheck, problem, type Problem } from "./defineCheck";
import { codeCellsToReport } from "./codeCells";

/** Placement codes H5, P2 and Z1 were valid before 2025/26: right for old episodes, wrong for new ones. */
export const codeLegacy = defineCheck({
  code: "CODE-LEGACY",
  severity: "warning",
  title: "Code from an earlier year's list",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { column, list, cells } of codeCellsToReport(table)) {
      for (const { index, reading } of cells) {
        if (reading.kind === "unknown" || reading.match.code.legacy !== true) continue;
        found.push(
          problem(table.rowNumber(index), column.key, {
            code: reading.match.code.code,
            label: reading.match.code.label,
            list: list.title,
          }),
        );
      }
    }
    return found;
  },
});
