import { sequenceCheck } from "./sequenceCheck";

/** The agency decision maker agrees a match on the panel's recommendation, never before the panel. */
export const familyFindingAdmBeforePanel = sequenceCheck({
  code: "FF-ADM-BEFORE-PANEL",
  severity: "error",
  title: "ADM decision before matching panel",
  sheets: ["familyFinding"],
  earlier: "panel",
  later: ["adm"],
});
