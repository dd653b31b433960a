import { defineCheck, problem } from "./defineCheck";
import { eachCodeCell } from "./codeCells";

/**
 * The lists a tracker copies from the SSDA903 return, where the code is what counts. The tracker's
 * own lists (permanence plan, outcomes, carer type) are read from words as readily as from codes, so
 * words there are not worth a message.
 */
const RETURN_CODE_LISTS: ReadonlySet<string> = new Set(["legalStatus", "placementType", "placementProvider"]);

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
    eachCodeCell(table, (reading, row, column, list) =>
      reading.kind === "words" && RETURN_CODE_LISTS.has(list.name)
        ? problem(
            row.rowNumber,
            column.key,
            { text: reading.text.trim(), code: reading.match.code.code, label: reading.match.code.label },
            { value: reading.match.code.code, text: reading.match.code.code },
          )
        : undefined,
    ),
});
