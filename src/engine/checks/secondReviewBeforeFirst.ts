import { sequenceCheck } from "./sequenceCheck";

/** The 2nd review's clock starts at the 1st (CPPCR reg 33(2)): the order shows a typing mistake. */
export const secondReviewBeforeFirst = sequenceCheck({
  code: "JT-REVIEW2-BEFORE-REVIEW1",
  severity: "error",
  title: "2nd CLA review before the 1st",
  sheets: ["jointTracker"],
  earlier: "firstReview",
  later: ["secondReview"],
});
