import { NO_DAY } from "../dates/epochDay";
import { day, defineCheck, problem, type Problem } from "./defineCheck";

/**
 * A should-be-placed decision can be reversed (SSDA903 PlacedAdoption DATE_PLACED_CEASED) and later
 * made again. A row whose decision stands reversed and is still open keeps the adoption clocks
 * running for a child no longer being placed for adoption; a decision made again after the reversal
 * is fine, and said, since the clocks run from the new decision.
 */
export const familyFindingDecisionReversed = defineCheck({
  code: "FF-DECISION-REVERSED",
  severity: "warning",
  title: "Should-be-placed decision reversed, row still open",
  sheets: ["familyFinding"],
  reads: ["shouldBePlaced", "decisionReversed"],
  check(table) {
    const decisions = table.days("shouldBePlaced");
    const reversals = table.days("decisionReversed");
    const closed = table.has("closedDate") ? table.days("closedDate") : undefined;
    const found: Problem[] = [];
    for (let i = 0; i < reversals.length; i++) {
      const reversed = reversals[i] as number;
      const decided = decisions[i] as number;
      if (reversed === NO_DAY || decided === NO_DAY || reversed < decided) continue;
      if (closed !== undefined && (closed[i] as number) !== NO_DAY) continue;
      found.push(
        problem(table.rowNumber(i), "decisionReversed", { date: day(reversed), earlier: day(decided) }),
      );
    }
    return found;
  },
});

/** A decision reversed and then made again: information, so the meeting knows which decision counts. */
export const familyFindingDecisionMadeAgain = defineCheck({
  code: "FF-DECISION-MADE-AGAIN",
  severity: "info",
  title: "Should-be-placed decision made again after a reversal",
  sheets: ["familyFinding"],
  reads: ["shouldBePlaced", "decisionReversed"],
  check(table) {
    const decisions = table.days("shouldBePlaced");
    const reversals = table.days("decisionReversed");
    const found: Problem[] = [];
    for (let i = 0; i < reversals.length; i++) {
      const reversed = reversals[i] as number;
      const decided = decisions[i] as number;
      if (reversed === NO_DAY || decided === NO_DAY || reversed >= decided) continue;
      found.push(
        problem(table.rowNumber(i), "shouldBePlaced", { date: day(decided), earlier: day(reversed) }),
      );
    }
    return found;
  },
});
