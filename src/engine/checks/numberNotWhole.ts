import { defineCheck, problem } from "./defineCheck";
import { eachCellOf } from "./eachCell";
import { readCount } from "./integerCells";

/** Places, children and placement moves are counted in whole numbers: 1.5 or "two" is a typing slip. */
export const numberNotWhole = defineCheck({
  code: "NUMBER-NOT-WHOLE",
  severity: "error",
  title: "Not a whole number",
  reads: [],
  check: (table) =>
    eachCellOf(table, ["integer"], (row, column) => {
      const read = readCount(row.value(column.key));
      if (read.kind === "notNumber") return problem(row.rowNumber, column.key, { text: read.text });
      if (read.kind === "number" && !Number.isInteger(read.value))
        return problem(row.rowNumber, column.key, { text: String(read.value) });
      return undefined;
    }),
});
