import { normaliseHeader } from "./TrackerProfile";

/**
 * The code lists a tracker shares with the SSDA903 return (see shared/codes.md) and the tracker's own
 * lists. A tracker may hold the words instead of the code ("Full care order"): each code lists the
 * words that mean it. `legacy` codes were valid in earlier years: accepted with a warning.
 */
export interface CodeDefinition {
  code: string;
  label: string;
  words?: readonly string[];
  legacy?: boolean;
}

export interface CodeList {
  name: string;
  title: string;
  codes: readonly CodeDefinition[];
}

const codes = (entries: readonly (readonly [string, string, ...string[]])[]): CodeDefinition[] =>
  entries.map(([code, label, ...words]) => ({ code, label, words: [label, ...words] }));

export const LEGAL_STATUS: CodeList = {
  name: "legalStatus",
  title: "Legal status (SSDA903 LS)",
  codes: codes([
    ["C1", "Interim care order", "ICO"],
    ["C2", "Full care order", "Care order", "FCO"],
    ["D1", "Freeing order granted"],
    ["E1", "Placement order granted", "Placement order"],
    ["V2", "Single period of accommodation under section 20", "Section 20", "S20", "s.20"],
    ["V3", "Series of short-term breaks (episodes)"],
    ["V4", "Series of short-term breaks (agreements)"],
    ["L1", "Police protection", "PPO"],
    ["L2", "Emergency protection order", "EPO"],
    ["L3", "Child assessment order"],
    ["J1", "Remanded to local authority or youth detention accommodation", "Remand"],
    ["J2", "PACE accommodation", "PACE"],
    ["J3", "Youth rehabilitation order with residence or intensive fostering requirement"],
  ]),
};

const placement = codes([
  ["A3", "Placed for adoption with current foster carers (placement order)"],
  ["A4", "Placed for adoption (placement order)"],
  ["A5", "Placed for adoption with current foster carers (consent)"],
  ["A6", "Placed for adoption (consent)"],
  ["K1", "Secure children's home"],
  ["K2", "Children's home"],
  ["K3", "Registered supported accommodation"],
  ["P1", "With parents or others with parental responsibility", "Placed with parents"],
  ["P3", "Residential employment"],
  ["R1", "Residential care home"],
  ["R2", "NHS or health establishment"],
  ["R3", "Family centre or mother and baby unit"],
  ["R5", "Young offender institution"],
  ["S1", "Residential school"],
  ["T0", "Temporary move (all types)"],
  ["T1", "Temporary periods in hospital"],
  ["T2", "Temporary absences of the child on holiday"],
  ["T3", "Temporary accommodation while normal foster carer is away"],
  ["T4", "Temporary accommodation of seven days or less"],
  ["U1", "Relative or friend, long-term fostering"],
  ["U2", "Relative or friend, fostering for adoption or concurrent planning"],
  ["U3", "Relative or friend, other foster placement"],
  ["U4", "Other foster carer, long-term fostering"],
  ["U5", "Other foster carer, fostering for adoption or concurrent planning"],
  ["U6", "Other foster carer, other foster placement"],
  ["Z11", "Other placement (Z11)"],
  ["Z12", "Other placement (Z12)"],
  ["Z13", "Other placement (Z13)"],
  ["Z14", "Other placement (Z14)"],
]);

export const PLACEMENT_TYPE: CodeList = {
  name: "placementType",
  title: "Placement type (SSDA903 PLACE, 2025/26)",
  codes: [
    ...placement,
    { code: "H5", label: "Semi-independent living (before 2025/26)", legacy: true },
    { code: "P2", label: "Independent living (before 2025/26)", legacy: true },
    { code: "Z1", label: "Other placement (before 2025/26)", legacy: true },
  ],
};

export const PLACEMENT_PROVIDER: CodeList = {
  name: "placementProvider",
  title: "Placement provider (SSDA903 PLACE_PROVIDER)",
  codes: codes([
    ["PR0", "Parents or others with parental responsibility"],
    ["PR1", "Own provision", "In-house", "In house", "LA foster carer"],
    ["PR2", "Another local authority", "Other LA"],
    ["PR3", "Other public provision"],
    ["PR4", "Private provision", "Independent fostering agency", "IFA", "Agency"],
    ["PR5", "Voluntary or third sector provision", "Voluntary"],
  ]),
};

export const PERMANENCE_PLAN: CodeList = {
  name: "permanencePlan",
  title: "Permanence plan",
  codes: codes([
    ["ADOPTION", "Adoption"],
    ["LTF", "Long-term fostering", "Long term fostering", "LTFC", "Long-term foster care"],
    ["SGO", "Special guardianship order", "Special guardianship", "SGO"],
    ["CAO", "Child arrangements order", "CAO", "Residence order"],
    ["RETURN_HOME", "Return home", "Rehabilitation home", "Reunification", "Return to family"],
    ["RESIDENTIAL", "Residential"],
    ["OTHER", "Other"],
    ["NOT_AGREED", "Not yet agreed", "Not agreed", "TBC", "To be agreed"],
  ]),
};

export const PLO_OUTCOME: CodeList = {
  name: "ploOutcome",
  title: "Pre-proceedings outcome",
  codes: codes([
    ["ISSUE", "Proceedings issued", "Issue", "Issued"],
    ["STEP_DOWN", "Stepped down", "Step down", "Closed"],
    ["EXTENDED", "Pre-proceedings extended", "Extended"],
  ]),
};

export const HOUSEHOLD_OUTCOME: CodeList = {
  name: "householdOutcome",
  title: "Assessment outcome",
  codes: codes([
    ["APPROVED", "Approved"],
    ["NOT_APPROVED", "Not approved", "Refused"],
    ["WITHDRAWN", "Withdrawn", "Withdrew"],
    ["IN_PROGRESS", "In progress", "Ongoing", "Open"],
  ]),
};

export const CARER_TYPE: CodeList = {
  name: "carerType",
  title: "Carer type",
  codes: codes([
    ["MAINSTREAM", "Mainstream", "General", "Unrelated"],
    ["FAMILY_AND_FRIENDS", "Family and friends", "Connected person", "Kinship", "Family & friends"],
  ]),
};

/**
 * Yes or no, as trackers write it; "1" and "0" as SSDA903 flags are (AD1 FOSTER_CARE), and TRUE and
 * FALSE as Excel's own.
 */
export const YES_NO: CodeList = {
  name: "yesNo",
  title: "Yes or no",
  codes: codes([
    ["YES", "Yes", "Y", "1", "True"],
    ["NO", "No", "N", "0", "False"],
  ]),
};

export const CODE_LISTS: readonly CodeList[] = [
  LEGAL_STATUS,
  PLACEMENT_TYPE,
  PLACEMENT_PROVIDER,
  PERMANENCE_PLAN,
  PLO_OUTCOME,
  HOUSEHOLD_OUTCOME,
  CARER_TYPE,
  YES_NO,
];

export function codeListNamed(name: string): CodeList | undefined {
  return CODE_LISTS.find((l) => l.name === name);
}

export type CodeMatch =
  { kind: "code"; code: CodeDefinition } | { kind: "empty" } | { kind: "unknown"; text: string };

/**
 * Reads a cell of a code column: codes are trimmed and upper-cased before checking (as the DfE
 * validator does), and the words for a code ("Full care order") map to it.
 */
export function matchCode(list: CodeList, text: string | undefined): CodeMatch {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return { kind: "empty" };
  const index = indexOf(list);
  const byCode = index.byCode.get(trimmed.toUpperCase());
  if (byCode) return { kind: "code", code: byCode };
  const byWords = index.byWords.get(normaliseHeader(trimmed));
  return byWords ? { kind: "code", code: byWords } : { kind: "unknown", text: trimmed };
}

interface CodeIndex {
  byCode: Map<string, CodeDefinition>;
  byWords: Map<string, CodeDefinition>;
}

// Every code cell of a tracker is matched, 100,000 rows of them: normalising every word of the list
// again for each cell made the code checks the slowest. The first code wins, as `find` did.
const CODE_INDEXES = new WeakMap<CodeList, CodeIndex>();

function indexOf(list: CodeList): CodeIndex {
  let index = CODE_INDEXES.get(list);
  if (index === undefined) {
    index = { byCode: new Map(), byWords: new Map() };
    for (const c of list.codes) {
      if (!index.byCode.has(c.code)) index.byCode.set(c.code, c);
      for (const w of c.words ?? []) {
        const words = normaliseHeader(w);
        if (!index.byWords.has(words)) index.byWords.set(words, c);
      }
    }
    CODE_INDEXES.set(list, index);
  }
  return index;
}
