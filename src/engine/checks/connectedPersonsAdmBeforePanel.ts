import { sequenceCheck } from "./sequenceCheck";

/** The agency decision maker approves connected carers on the panel's recommendation, never before it. */
export const connectedPersonsAdmBeforePanel = sequenceCheck({
  code: "CP-ADM-BEFORE-PANEL",
  severity: "error",
  title: "ADM decision before panel",
  sheets: ["connectedPersons"],
  earlier: "panel",
  later: ["admDecision"],
});
