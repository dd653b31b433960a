import { matchCode, PERMANENCE_PLAN } from "../profile/codeLists";
import { NO_DAY } from "../dates/epochDay";
import { day, defineCheck, problem, type Problem } from "./defineCheck";

/**
 * A placement order authorises placing a child for adoption: on a row whose plan is long-term
 * fostering either the plan or the order is wrong, and the row would count in both the adoption
 * scorecard and the fostering matches.
 */
export const familyFindingOrderOnFostering = defineCheck({
  code: "FF-ORDER-ON-FOSTERING",
  severity: "warning",
  title: "Placement order on a long-term fostering row",
  sheets: ["familyFinding"],
  reads: ["permanencePlan", "placementOrder"],
  check(table) {
    const plans = table.texts("permanencePlan");
    const orders = table.days("placementOrder");
    const found: Problem[] = [];
    for (let i = 0; i < plans.length; i++) {
      const order = orders[i] as number;
      if (order === NO_DAY) continue;
      const plan = matchCode(PERMANENCE_PLAN, plans[i]);
      if (plan.kind === "code" && plan.code.code === "LTF")
        found.push(problem(table.rowNumber(i), "placementOrder", { date: day(order) }));
    }
    return found;
  },
});
