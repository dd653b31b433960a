import { matchCode, PERMANENCE_PLAN } from "../profile/codeLists";
import type { CellDate } from "../cells/coerceCellDate";
import type { CellValue } from "../cells/CellValue";
import type { RowsByColumn } from "../tables/TrackerTable";

/** Which kind of match a Family Finding row is family finding for. */
export type FamilyFindingRoute = "adoption" | "longTermFostering";

export const ROUTE_WORDS: Readonly<Record<FamilyFindingRoute, string>> = {
  adoption: "adoption",
  longTermFostering: "long-term fostering",
};

/**
 * Each row's route (standards.md, "Family Finding"): the row's Plan when it says adoption or
 * long-term fostering; otherwise adoption when the row has a should-be-placed decision or a placement
 * order (either date, even one that cannot be read: the user meant one), long-term fostering when not.
 */
export function familyFindingRoutes({ rows, byColumn: columns }: RowsByColumn): FamilyFindingRoute[] {
  const plans = columns.values("permanencePlan");
  const decisions = columns.dates("shouldBePlaced");
  const orders = columns.dates("placementOrder");
  const memo = new Map<CellValue, FamilyFindingRoute | null>();
  return rows.map((_, i) => {
    const plan = plans[i] ?? null;
    let fromPlan = memo.get(plan);
    if (fromPlan === undefined) {
      fromPlan = planRoute(plan);
      if (plan === null || typeof plan === "string") memo.set(plan, fromPlan);
    }
    if (fromPlan !== null) return fromPlan;
    return recorded(decisions[i]) || recorded(orders[i]) ? "adoption" : "longTermFostering";
  });
}

function recorded(date: CellDate | undefined): boolean {
  return date !== undefined && date.kind !== "empty";
}

function planRoute(value: CellValue): FamilyFindingRoute | null {
  if (value === null || typeof value === "object") return null;
  const match = matchCode(PERMANENCE_PLAN, String(value));
  if (match.kind !== "code") return null;
  if (match.code.code === "ADOPTION") return "adoption";
  if (match.code.code === "LTF") return "longTermFostering";
  return null;
}
