import { defineCheck, problem } from "./defineCheck";
import { eachCodeCell } from "./codeCells";

/**
 * "Full care order" instead of C2: the add-in understands it, but filters and the SSDA903 return need
 * the code, which is suggested (information only: the words are not wrong).
 */
export const codeAsWords = defineCheck({
  code: "CODE-AS-WORDS",
  severity: "info",
  title: "Code written as words",
  reads: [],
  check: (table) =>
    eachCodeCell(table, (reading, row, column) =>
      reading.kind === "words"
        ? problem(
            row.rowNumber,
            column.key,
            { text: reading.text.trim(), code: reading.match.code.code, label: reading.match.code.label },
            { value: reading.match.code.code, text: reading.match.code.code },
          )
        : undefined,
    ),
});
