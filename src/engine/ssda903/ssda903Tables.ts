import type { CsvTable } from "./readCsv";

/**
 * The SSDA903 (children looked after) return's CSV tables, as every case system exports them with
 * the DfE's fixed column names. A table is recognised by its header row, whatever the file is called.
 */
export type Ssda903TableKind = "header" | "episodes" | "reviews" | "placedForAdoption" | "adoption";

interface TableSpec {
  kind: Ssda903TableKind;
  title: string;
  columns: readonly string[];
  /** Columns refresh cannot do without: a file lacking one is not read, and the message names it. */
  required: readonly string[];
  /** Columns no other table has: they say which table a header row is. */
  distinctive: readonly string[];
  /** Whether refresh reads it (the adoption tables are recognised so they are not called unknown). */
  used: boolean;
}

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
    kind: "placedForAdoption",
    title: "Placed for adoption",
    columns: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    required: ["CHILD"],
    distinctive: ["DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    used: false,
  },
  {
    kind: "adoption",
    title: "Adoption (AD1)",
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
    required: ["CHILD"],
    distinctive: ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    used: false,
  },
];

export type TableRecognition =
  | { kind: "table"; spec: TableSpec; columnIndex: ReadonlyMap<string, number> }
  | { kind: "missing-columns"; spec: TableSpec; missing: string[] }
  | { kind: "unknown" };

/**
 * Which SSDA903 table a CSV file is, by its header row: the table with the most of its distinctive
 * columns present. Column names are compared trimmed and upper-cased.
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
