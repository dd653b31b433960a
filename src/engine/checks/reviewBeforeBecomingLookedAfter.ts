import { sequenceCheck } from "./sequenceCheck";

/** A looked-after review (CPPCR reg 33) can only be held for a child who is looked after. */
export const reviewBeforeBecomingLookedAfter = sequenceCheck({
  code: "JT-REVIEW-BEFORE-BLA",
  severity: "error",
  title: "CLA review before becoming looked after",
  sheets: ["jointTracker"],
  earlier: "becameLookedAfter",
  later: ["firstReview", "secondReview", "latestReview"],
});
