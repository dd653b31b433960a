import { z } from "zod";

/**
 * The records of the SSDA903 extract, one schema per table, as the reader hands them on: every
 * return merged into one (the latest return wins, see `mergeReturns`), dates as epoch days, codes
 * trimmed and upper-cased. Values the file did not hold, or held in a form that could not be read
 * without a guess, are absent (and listed as problems). Other work reads these: the Family Finding
 * sheet the adoption tables, the review history every CLA review date.
 */

const Day = z.number().int();
const Code = z.string().min(1);

/** Where a record came from, for every message about it. */
export const ExtractSource = z.object({ file: z.string(), line: z.number().int().positive() });
export type ExtractSource = z.infer<typeof ExtractSource>;

const ChildRecord = z.object({
  /** `childKeyOf(childId)`: IDs match trimmed and case-insensitively. */
  childKey: z.string(),
  /** The ID as the extract writes it (trimmed). */
  childId: z.string(),
  /**
   * The return the record was read from: its YEAR column, else the collection year (1 April to
   * 31 March, named by the year it ends in) the file's dates fall in; absent when neither is known.
   */
  returnYear: z.number().int().optional(),
  source: ExtractSource,
});

/** Header: one per child. */
export const SystemChild = ChildRecord.omit({ childId: true }).extend({
  id: z.string(),
  dob: Day.optional(),
  /** SEX: 1 male, 2 female. */
  sex: Code.optional(),
  upn: z.string().optional(),
});
export type SystemChild = z.infer<typeof SystemChild>;

/** Episodes: a period of one legal status and one placement. Keyed by child and DECOM. */
export const Episode = ChildRecord.extend({
  /** DECOM: the day the episode began. */
  start: Day,
  /** DEC: the day it ended; absent while it is open. */
  end: Day.optional(),
  /** RNE: why a new episode began (S started to be looked after, L legal status only, P placement...). */
  reasonNew: Code.optional(),
  legalStatus: Code.optional(),
  placementType: Code.optional(),
  placementProvider: Code.optional(),
  /** REC: why it ended; X1 means a new episode follows within the same care period. */
  reasonEnded: Code.optional(),
  /**
   * Set when the episode is open at the end of its latest return but the child is in no episode of
   * the next return the extract holds: the child is not looked after by then, on a day unknown.
   */
  absentFromReturn: z.number().int().optional(),
});
export type Episode = z.infer<typeof Episode>;

/** Reviews: every CLA review of the child, by child and REVIEW date; all kept (the review history). */
export const ReviewRecord = ChildRecord.extend({
  day: Day,
  /** REVIEW_CODE: PN0 (not participating) to PN7. */
  code: Code.optional(),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

/**
 * PlacedAdoption: a decision that the child should be placed for adoption, by child and DATE_PLACED.
 * Despite its name the table holds decisions, not placements (standards.md, "Family Finding"; the
 * DfE's rule that AD1's DATE_INT equals DATE_PLACED): the placement itself is an A3–A6 episode.
 */
export const PlacedAdoptionRecord = ChildRecord.extend({
  /** DATE_PLACED: the day of the should-be-placed decision. */
  datePlaced: Day,
  /** DATE_PLACED_CEASED: the day the child should no longer be placed for adoption (the decision reversed). */
  datePlacedCeased: Day.optional(),
  /** REASON_PLACED_CEASED: why the decision ceased, as one of the DfE's RD codes. */
  reasonPlacedCeased: Code.optional(),
});
export type PlacedAdoptionRecord = z.infer<typeof PlacedAdoptionRecord>;

/** AD1: the adoption decisions, by child, DATE_INT and DATE_MATCH. */
export const Ad1Record = ChildRecord.extend({
  /** DATE_INT: the decision that the child should be placed for adoption (the SHOBPA decision). */
  dateShouldBePlaced: Day,
  /** DATE_MATCH: the day the child was matched with the adopters. */
  dateMatched: Day,
  /** FOSTER_CARE: "1" when adopted by the foster carers, "0" when not. */
  fosterCare: Code.optional(),
  /** NB_ADOPTR: the number of adopters. */
  numberOfAdopters: z.number().int().optional(),
  /** SEX_ADOPTR: M1, F1, MM, FF or MF. */
  sexOfAdopters: Code.optional(),
  /** LS_ADOPTR: the adopters' legal status (L0 to L4). */
  legalStatusOfAdopters: Code.optional(),
});
export type Ad1Record = z.infer<typeof Ad1Record>;

/** PrevPerm: the permanence order the child had before this care period, by child and DATE_PERM. */
export const PrevPermRecord = ChildRecord.extend({
  /** PREV_PERM: P1 adoption, P2 special guardianship, P3 residence / child arrangements, P4, Z1 none. */
  previousPermanence: Code,
  /** LA_PERM: the authority that made the order. */
  authorityOfOrder: z.string().optional(),
  /**
   * DATE_PERM as written: the return allows an unknown day or month ("zz/05/2015", "zz/zz/2015").
   * `datePerm` is set only when it is a whole date.
   */
  datePermText: z.string().optional(),
  datePerm: Day.optional(),
});
export type PrevPermRecord = z.infer<typeof PrevPermRecord>;

/** SocialWorker (from 2023-24): the child's allocated social workers, by child and SW_DECOM. */
export const SocialWorkerRecord = ChildRecord.extend({
  /** SW_ID: the worker's ID in the case system (never a name). */
  workerId: z.string().min(1),
  /** SW_DECOM: the day the worker was allocated. */
  start: Day,
  /** SW_DEC: the day the allocation ended; absent while it runs. */
  end: Day.optional(),
  /** SW_REASON: why it ended (MANAGE, FCONTA, LEFTRL...). */
  reason: Code.optional(),
});
export type SocialWorkerRecord = z.infer<typeof SocialWorkerRecord>;
