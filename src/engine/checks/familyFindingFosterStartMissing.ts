import { matchCode, PLACEMENT_TYPE, YES_NO } from "../profile/codeLists";
import { defineCheck, problem, type Problem } from "./defineCheck";

/**
 * A child adopted by their own foster carers (yes, or an A3 / A5 placement) has A1's clock stopped
 * when that foster placement began (the scorecard's A10): without that date the clock runs on to a
 * placement that never comes, and the row shows overdue.
 */
export const familyFindingFosterStartMissing = defineCheck({
  code: "FF-FOSTER-START-MISSING",
  severity: "warning",
  title: "Foster-carer adoption without the foster placement's start",
  sheets: ["familyFinding"],
  reads: ["fosterPlacementStart"],
  check(table) {
    const flags = table.has("adoptedByFosterCarers") ? table.texts("adoptedByFosterCarers") : undefined;
    const types = table.has("placementType") ? table.texts("placementType") : undefined;
    const starts = table.dates("fosterPlacementStart");
    const found: Problem[] = [];
    for (let i = 0; i < starts.length; i++) {
      if (starts[i]?.kind !== "empty") continue;
      const flag = matchCode(YES_NO, flags?.[i]);
      const type = matchCode(PLACEMENT_TYPE, types?.[i]);
      const byFosterCarers =
        (flag.kind === "code" && flag.code.code === "YES") ||
        (type.kind === "code" && (type.code.code === "A3" || type.code.code === "A5"));
      if (byFosterCarers) found.push(problem(table.rowNumber(i), "fosterPlacementStart"));
    }
    return found;
  },
});
