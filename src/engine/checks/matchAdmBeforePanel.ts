import { sequenceCheck } from "./sequenceCheck";

/** The agency decision maker decides on the panel's recommendation (NMS 14), so never before the panel. */
export const matchAdmBeforePanel = sequenceCheck({
  code: "JT-MATCH-ADM-BEFORE-PANEL",
  severity: "error",
  title: "ADM agreed match before the matching panel",
  sheets: ["jointTracker"],
  earlier: "matchToPanel",
  later: ["matchAdm"],
});
