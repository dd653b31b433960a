import { defineCheck, problem } from "./defineCheck";

/**
 * A column the profile marks required (the child ID, the date became looked after...) left empty:
 * the row cannot be identified or its clocks cannot start. Placeholders ("TBC") count as empty.
 */
export const requiredValueMissing = defineCheck({
  code: "REQUIRED-MISSING",
  severity: "error",
  title: "Required value missing",
  reads: [],
  check(table) {
    const required = table.mappedColumns.filter((c) => c.required);
    return table.rows.flatMap((row) =>
      required
        .filter((c) => (c.type === "date" ? row.date(c.key).kind === "empty" : row.text(c.key) === undefined))
        .map((c) => problem(row.rowNumber, c.key)),
    );
  },
});
