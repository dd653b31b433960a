import { sequenceCheck } from "./sequenceCheck";

/** Panel considers a completed assessment, which starts with the application. */
export const panelBeforeApplication = sequenceCheck({
  code: "RA-PANEL-BEFORE-APPLICATION",
  severity: "error",
  title: "Panel before the application",
  sheets: ["recruitment"],
  earlier: "application",
  later: ["panel"],
});
