import { sequenceCheck } from "./sequenceCheck";

/** A child cannot become looked after before birth: one of the two dates is wrong. */
export const becameLookedAfterBeforeBirth = sequenceCheck({
  code: "JT-BLA-BEFORE-DOB",
  severity: "error",
  title: "Became looked after before date of birth",
  sheets: ["jointTracker"],
  earlier: "dateOfBirth",
  later: ["becameLookedAfter"],
});
