import { sequenceCheck } from "./sequenceCheck";

/** The initial home visit answers an enquiry, so it cannot come first. */
export const ihvBeforeEnquiry = sequenceCheck({
  code: "RA-IHV-BEFORE-ENQUIRY",
  severity: "error",
  title: "Initial home visit before the enquiry",
  sheets: ["recruitment"],
  earlier: "enquiry",
  later: ["ihv"],
});
