import { defineCheck, problem } from "./defineCheck";
import { eachCellOf } from "./eachCell";
import { readCount } from "./integerCells";

/** A count below zero cannot be right. */
export const numberNegative = defineCheck({
  code: "NUMBER-NEGATIVE",
  severity: "error",
  title: "Negative count",
  reads: [],
  check: (table) =>
    eachCellOf(table, ["integer"], (row, column) => {
      const read = readCount(row.value(column.key));
      return read.kind === "number" && read.value < 0
        ? problem(row.rowNumber, column.key, { number: read.value })
        : undefined;
    }),
});
