import { sequenceCheck } from "./sequenceCheck";

/** The agency decision maker approves a household on the panel's recommendation, never before the panel. */
export const recruitmentAdmBeforePanel = sequenceCheck({
  code: "RA-ADM-BEFORE-PANEL",
  severity: "error",
  title: "ADM decision before panel",
  sheets: ["recruitment"],
  earlier: "panel",
  later: ["admDecision"],
});
