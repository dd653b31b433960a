import { defineCheck, problem, type Problem } from "./defineCheck";
import { codeCellsToReport } from "./codeCells";

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
  check(table) {
    const found: Problem[] = [];
    for (const { column, list, cells } of codeCellsToReport(table)) {
      if (!RETURN_CODE_LISTS.has(list.name)) continue;
      for (const { index, reading } of cells) {
        if (reading.kind !== "words") continue;
        const { code, label } = reading.match.code;
        found.push(
          problem(
            table.rowNumber(index),
            column.key,
            { text: reading.text.trim(), code, label },
            { value: code, text: code },
          ),
        );
      }
    }
    return found;
  },
});
