import { sequenceCheck } from "./sequenceCheck";

/** A warning, not an error: early permanence planning happens, and such PPMs are left out of timeliness figures. */
export const ppmBeforeBecomingLookedAfter = sequenceCheck({
  code: "JT-PPM-BEFORE-BLA",
  severity: "warning",
  title: "PPM before becoming looked after",
  sheets: ["jointTracker"],
  earlier: "becameLookedAfter",
  later: ["firstPpm", "latestPpm"],
});
