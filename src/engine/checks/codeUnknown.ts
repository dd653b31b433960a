import { defineCheck, problem, type Problem } from "./defineCheck";
import { codeCellsToReport } from "./codeCells";

/** A legal status, placement type, provider or plan that is in no code list: figures cannot use it. */
export const codeUnknown = defineCheck({
  code: "CODE-UNKNOWN",
  severity: "error",
  title: "Unknown code",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { column, list, cells } of codeCellsToReport(table)) {
      for (const { index, reading } of cells) {
        if (reading.kind !== "unknown") continue;
        found.push(problem(table.rowNumber(index), column.key, { text: reading.text, list: list.title }));
      }
    }
    return found;
  },
});
