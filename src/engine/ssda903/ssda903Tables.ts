import type { CsvTable } from "./readCsv";

/**
 * The SSDA903 (children looked after) return's tables, as case systems export them with the DfE's
 * fixed column names. A table is recognised by its header row, whatever the file is called and
 * whatever the return year: the column sets of the 2017 to 2024 returns differ only by columns
 * refresh does not need (REASON_PLACE_CHANGE, URN...), and extra columns are ignored. Regional and
 * multi-year files add `LA` and `YEAR` to every table (SocialFinanceDigitalLabs/liia-tools,
 * liiatools/spec/s903/la-agg.yml).
 */
export type Ssda903TableKind =
  | "header"
  | "episodes"
  | "reviews"
  | "placedAdoption"
  | "ad1"
  | "prevPerm"
  | "socialWorker"
  | "uasc"
  | "missing"
  | "oc2"
  | "oc3";

export interface TableSpec {
  kind: Ssda903TableKind;
  title: string;
  columns: readonly string[];
  /** Columns that cannot be done without: a file lacking one is not read, and the message names it. */
  required: readonly string[];
  /** Columns no other table has: they say which table a header row is. */
  distinctive: readonly string[];
  /** Whether refresh reads it (the others are recognised so they are not called unknown). */
  used: boolean;
}

/** The columns a regional or multi-year file adds to every table. */
export const AUTHORITY_COLUMN = "LA";
export const YEAR_COLUMN = "YEAR";

export const SSDA903_TABLES: readonly TableSpec[] = [
  {
    kind: "header",
    title: "Header",
    columns: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
    required: ["CHILD", "DOB"],
    distinctive: ["SEX", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
    used: true,
  },
  {
    kind: "episodes",
    title: "Episodes",
    columns: [
      "CHILD",
      "DECOM",
      "RNE",
      "LS",
      "CIN",
      "PLACE",
      "PLACE_PROVIDER",
      "DEC",
      "REC",
      "REASON_PLACE_CHANGE",
      "HOME_POST",
      "PL_POST",
      "URN",
    ],
    required: ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER", "DEC", "REC"],
    distinctive: ["DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"],
    used: true,
  },
  {
    kind: "reviews",
    title: "Reviews",
    columns: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
    required: ["CHILD", "REVIEW"],
    distinctive: ["REVIEW", "REVIEW_CODE"],
    used: true,
  },
  {
    kind: "placedAdoption",
    title: "PlacedAdoption",
    columns: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    required: ["CHILD", "DATE_PLACED"],
    distinctive: ["DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    used: true,
  },
  {
    kind: "ad1",
    title: "AD1",
    columns: [
      "CHILD",
      "DOB",
      "DATE_INT",
      "DATE_MATCH",
      "FOSTER_CARE",
      "NB_ADOPTR",
      "SEX_ADOPTR",
      "LS_ADOPTR",
    ],
    required: ["CHILD", "DATE_INT", "DATE_MATCH"],
    distinctive: ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    used: true,
  },
  {
    kind: "prevPerm",
    title: "PrevPerm",
    columns: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
    required: ["CHILD", "PREV_PERM"],
    distinctive: ["PREV_PERM", "LA_PERM", "DATE_PERM"],
    used: true,
  },
  {
    // From the 2023-24 return.
    kind: "socialWorker",
    title: "SocialWorker",
    columns: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
    required: ["CHILD", "SW_ID", "SW_DECOM"],
    distinctive: ["SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
    used: true,
  },
  {
    kind: "uasc",
    title: "UASC",
    columns: ["CHILD", "SEX", "DOB", "DUC"],
    required: ["CHILD"],
    distinctive: ["DUC", "SEX"],
    used: false,
  },
  {
    kind: "missing",
    title: "Missing",
    columns: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
    required: ["CHILD"],
    distinctive: ["MISSING", "MIS_START", "MIS_END"],
    used: false,
  },
  {
    kind: "oc2",
    title: "OC2",
    columns: ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS"],
    required: ["CHILD"],
    distinctive: ["SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK"],
    used: false,
  },
  {
    kind: "oc3",
    title: "OC3",
    columns: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    required: ["CHILD"],
    distinctive: ["IN_TOUCH", "ACTIV", "ACCOM"],
    used: false,
  },
];

/** The tables refresh reads, named as the messages name them. */
export const USED_TABLE_TITLES = SSDA903_TABLES.filter((t) => t.used).map((t) => t.title);

export type TableRecognition =
  | { kind: "table"; spec: TableSpec; columnIndex: ReadonlyMap<string, number> }
  | { kind: "missing-columns"; spec: TableSpec; missing: string[] }
  | { kind: "unknown" };

/**
 * Which SSDA903 table a file is, by its header row: the table with the most of its distinctive
 * columns present (the first listed on a tie). Column names are compared trimmed and upper-cased.
 */
export function recogniseSsda903Table(table: CsvTable): TableRecognition {
  const names = table.header.fields.map((f) => f.trim().toUpperCase());
  const columnIndex = new Map<string, number>();
  names.forEach((name, i) => {
    if (!columnIndex.has(name)) columnIndex.set(name, i);
  });
  let best: TableSpec | undefined;
  let bestScore = 0;
  for (const spec of SSDA903_TABLES) {
    const score = spec.distinctive.filter((c) => columnIndex.has(c)).length;
    if (score > bestScore) {
      best = spec;
      bestScore = score;
    }
  }
  if (best === undefined || (!columnIndex.has("CHILD") && bestScore < 2)) return { kind: "unknown" };
  const missing = best.required.filter((c) => !columnIndex.has(c));
  if (missing.length > 0) return { kind: "missing-columns", spec: best, missing };
  return { kind: "table", spec: best, columnIndex };
}
