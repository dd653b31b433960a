/**
 * A problem in the case system's extract itself, with where to find it: the file, the line and the
 * value as written. Refresh never guesses around one: the value is left out and the problem listed.
 */
export type ExtractProblemCode =
  | "FILE-EMPTY"
  | "TABLE-UNKNOWN"
  | "TABLE-NOT-USED"
  | "COLUMN-MISSING"
  | "CHILD-ID-MISSING"
  | "DATE-INVALID"
  | "DATE-AMBIGUOUS"
  | "DATE-FORM"
  | "YEAR-INVALID"
  | "AUTHORITY-UNKNOWN"
  | "CODE-UNKNOWN"
  | "CHILD-DOB-DIFFERS"
  | "RECORD-DUPLICATE"
  | "RETURN-FILES-DIFFER"
  | "EPISODE-REPLACED"
  | "EPISODE-NOT-IN-LATER-RETURN"
  | "EPISODES-INCONSISTENT"
  | "EPISODE-CHILD-NOT-IN-HEADER"
  | "REVIEW-CHILD-NOT-IN-HEADER"
  | "REVIEW-OUTSIDE-EPISODE";

export interface ExtractProblem {
  code: ExtractProblemCode;
  /** "error": the row or value is left out; "warning": read, but worth a look; "info": nothing lost. */
  severity: "error" | "warning" | "info";
  file: string;
  /** 1-based line in the file; absent for a problem of the whole file. */
  line?: number;
  /** The value as the file holds it. */
  value?: string;
  message: string;
}
