import { defineCheck, problem } from "./defineCheck";
import { eachCodeCell } from "./codeCells";

/** A legal status, placement type, provider or plan that is in no code list: figures cannot use it. */
export const codeUnknown = defineCheck({
  code: "CODE-UNKNOWN",
  severity: "error",
  title: "Unknown code",
  reads: [],
  check: (table) =>
    eachCodeCell(table, (reading, row, column, list) =>
      reading.kind === "unknown"
        ? problem(row.rowNumber, column.key, { text: reading.text, list: list.title })
        : undefined,
    ),
});
