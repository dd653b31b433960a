import { defineCheck, problem, type Problem } from "./defineCheck";
import { columnsOfType } from "./checkColumns";
import { countOf } from "./integerCells";

/** A count below zero cannot be right. */
export const numberNegative = defineCheck({
  code: "NUMBER-NEGATIVE",
  severity: "error",
  title: "Negative count",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of columnsOfType(table, ["integer"])) {
      const values = table.values(key);
      for (let i = 0; i < values.length; i++) {
        const count = countOf(values[i] ?? null);
        if (count !== undefined && count < 0) {
          found.push(problem(table.rowNumber(i), key, { number: count }));
        }
      }
    }
    return found;
  },
});
