import type { CellValue } from "../cells/CellValue";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { normaliseHeader, profileSheet, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import { cellAddress } from "../tables/cellAddress";
import type { SheetRowFinding } from "./SheetRowFinding";
import { Standard, findStandardSetProblems, type StandardInput } from "./Standard";
import { STANDARDS_COLUMNS, type StandardsColumnKey } from "./standardsSheetColumns";
import { parseCondition, parseEnd, parseLimitUnit, parseLimitVariants } from "./standardText";
import { plainCellText } from "../cells/plainCellText";

export interface StandardsRead {
  /** The standards in force: the sheet's rows, defaults where a row cannot be read or is absent. */
  standards: Standard[];
  findings: SheetRowFinding[];
}

export interface ReadStandardsOptions {
  /** Column keys a standard names must exist in this profile's sheet (default: the default profile). */
  profile?: TrackerProfile;
}

const MAX_HEADER_SEARCH_ROWS = 20;

function sheetKeyOf(text: string, profile: TrackerProfile): SheetKey | undefined {
  const wanted = normaliseHeader(text);
  for (const spec of profile.sheets) {
    const names = [spec.key, spec.title, ...spec.aliases].map(normaliseHeader);
    if (names.includes(wanted)) return spec.key;
  }
  return undefined;
}

function yesNo(value: CellValue | undefined): boolean | undefined {
  if (typeof value === "boolean") return value;
  const text = normaliseHeader(plainCellText(value));
  if (["yes", "y", "on", "true", "1"].includes(text)) return true;
  if (["no", "n", "off", "false", "0"].includes(text)) return false;
  return undefined;
}

const keyList = (text: string): string[] =>
  text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

/**
 * Reads the Standards sheet back: thereafter it is the source of truth. A row that cannot be read
 * is reported (which row, what is wrong) and the default of the same id is used instead; a row with
 * a new id defines a local standard; a default with no row stays in force (switch it off with On = no).
 */
export function readStandardsSheet(
  snapshot: SheetSnapshot,
  defaults: readonly Standard[],
  options: ReadStandardsOptions = {},
): StandardsRead {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const findings: SheetRowFinding[] = [];
  const warn = (row: number, message: string, cell?: string): void => {
    findings.push(
      cell === undefined
        ? { severity: "warning", sheet: snapshot.name, row, message }
        : { severity: "warning", sheet: snapshot.name, row, cell, message },
    );
  };

  // The header row: the first row with both an ID and a Title header.
  let headerRow = -1;
  const columnOf = new Map<StandardsColumnKey, number>();
  for (let r = 0; r < Math.min(snapshot.values.length, MAX_HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
    const headers = (snapshot.values[r] ?? []).map((v) => normaliseHeader(plainCellText(v)));
    if (!headers.includes("id") || !headers.includes("title")) continue;
    headerRow = r;
    for (const column of STANDARDS_COLUMNS) {
      const at = headers.indexOf(normaliseHeader(column.header));
      if (at >= 0) columnOf.set(column.key, at);
    }
  }
  if (headerRow < 0) {
    warn(
      1,
      `The ${snapshot.name} sheet has no header row with “ID” and “Title”: the default standards are used.`,
    );
    return { standards: [...defaults], findings };
  }

  const defaultsById = new Map(defaults.map((s) => [s.id, s]));
  const fromSheet = new Map<string, Standard>();
  const rowOfId = new Map<string, number>();
  for (let r = headerRow + 1; r < snapshot.values.length; r++) {
    const values = snapshot.values[r] ?? [];
    const rowNumber = r + 1;
    const get = (key: StandardsColumnKey): CellValue | undefined => {
      const at = columnOf.get(key);
      return at === undefined ? undefined : values[at];
    };
    const text = (key: StandardsColumnKey): string => plainCellText(get(key));
    if (STANDARDS_COLUMNS.every((c) => text(c.key) === "")) continue;

    const id = text("id");
    const fallback = defaultsById.get(id);
    const instead = fallback ? "the default is used" : "the row is not used";
    const problems: string[] = [];
    const at = (key: StandardsColumnKey): string | undefined => {
      const column = columnOf.get(key);
      return column === undefined ? undefined : cellAddress(rowNumber, column + 1);
    };
    if (fromSheet.has(id)) {
      warn(
        rowNumber,
        `Row ${rowNumber} repeats the ID “${id}” of row ${rowOfId.get(id)}: the row is not used.`,
        at("id"),
      );
      continue;
    }

    const input: Record<string, unknown> = {
      id,
      title: text("title"),
      start: keyList(text("start")),
      startKind: normaliseHeader(text("startKind")),
      basis: text("basis").toUpperCase(),
      source: text("source"),
    };
    const sheetText = text("sheet");
    const sheet = sheetKeyOf(sheetText, profile);
    if (sheet === undefined) problems.push(`the sheet “${sheetText}” is not a tracker sheet`);
    else input.sheet = sheet;
    const end = parseEnd(text("end"));
    if (!end.ok) problems.push(end.error);
    else {
      if (end.value.end !== undefined) input.end = end.value.end;
      input.endVariants = end.value.endVariants;
    }
    if (text("earlyEnd") !== "") {
      const early = normaliseHeader(text("earlyEnd"));
      if (early === "met") input.earlyEndMet = true;
      else if (early === "cannotassess") input.earlyEndMet = false;
      else
        problems.push(`End before start must be “met” or blank (cannot assess), not “${text("earlyEnd")}”`);
    }
    if (text("exit") !== "") input.exit = text("exit");
    if (text("by") !== "") input.by = text("by");
    const limitValue = get("limit");
    if (text("limit") !== "" || text("unit") !== "") {
      const n = typeof limitValue === "number" ? limitValue : Number(text("limit"));
      const unit = parseLimitUnit(text("unit"));
      if (!Number.isInteger(n) || n < 0)
        problems.push(`the limit “${text("limit")}” is not a whole number of days, weeks or months`);
      if (!unit.ok) problems.push(unit.error);
      else input.limit = { n, unit: unit.value };
    }
    if (text("amber") !== "") input.amberWorkingDays = Number(text("amber"));
    if (text("appliesWhen") !== "") {
      const condition = parseCondition(text("appliesWhen"));
      if (condition.ok) input.appliesWhen = condition.value;
      else problems.push(condition.error);
    }
    const variants = parseLimitVariants(text("limitVariants"));
    if (variants.ok) input.limitVariants = variants.value;
    else problems.push(variants.error);
    if (text("enabled") !== "") {
      const on = yesNo(get("enabled"));
      if (on === undefined) problems.push(`On must be yes or no, not “${text("enabled")}”`);
      else input.enabled = on;
    }

    const parsed = Standard.safeParse(input as StandardInput);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "row");
        problems.push(`${HEADER_OF_FIELD[field] ?? field}: ${issue.message}`);
      }
    } else {
      const spec = profileSheet(profile, parsed.data.sheet);
      const known = new Set(spec?.columns.map((c) => c.key) ?? []);
      const named = [
        ...parsed.data.start,
        parsed.data.end,
        parsed.data.exit,
        parsed.data.appliesWhen?.column,
        ...parsed.data.limitVariants.map((v) => v.when.column),
        ...parsed.data.endVariants.flatMap((v) => [v.end, v.when.column]),
      ].filter((k): k is string => k !== undefined);
      for (const key of named) {
        if (!known.has(key))
          problems.push(`“${key}” is not a column of the ${spec?.title ?? parsed.data.sheet} sheet`);
      }
    }
    if (problems.length > 0 || !parsed.success) {
      const label = id === "" ? `Row ${rowNumber}` : `Row ${rowNumber} (${id})`;
      warn(rowNumber, `${label} cannot be read: ${[...new Set(problems)].join("; ")}: ${instead}.`);
      if (fallback) {
        fromSheet.set(id, fallback);
        rowOfId.set(id, rowNumber);
      }
      continue;
    }
    fromSheet.set(id, parsed.data);
    rowOfId.set(id, rowNumber);
  }

  // Defaults the sheet does not list stay in force, after the sheet's own rows.
  const standards = [...fromSheet.values()];
  for (const standard of defaults) {
    if (!fromSheet.has(standard.id)) {
      standards.push(standard);
      findings.push({
        severity: "info",
        sheet: snapshot.name,
        row: headerRow + 1,
        message: `The standard “${standard.id}” has no row in the ${snapshot.name} sheet: the default is used (add its row with On = no to switch it off).`,
      });
    }
  }

  // Problems across rows (a "Due by" that names no standard, a loop): the row's default, else nothing.
  const setProblems = findStandardSetProblems(standards);
  if (setProblems.length === 0) return { standards, findings };
  const bad = new Set(setProblems.map((p) => p.id));
  for (const p of setProblems) {
    const row = rowOfId.get(p.id) ?? headerRow + 1;
    warn(
      row,
      `The standard “${p.id}” cannot be used: ${p.message}: ${defaultsById.has(p.id) ? "the default is used" : "it is not used"}.`,
    );
  }
  const repaired = standards.flatMap((s) =>
    bad.has(s.id) ? (defaultsById.has(s.id) ? [defaultsById.get(s.id) as Standard] : []) : [s],
  );
  return { standards: repaired, findings };
}

const HEADER_OF_FIELD: Readonly<Record<string, string>> = {
  id: "ID",
  title: "Title",
  sheet: "Sheet",
  start: "Start",
  startKind: "Start kind (required or event)",
  end: "End",
  endVariants: "End",
  earlyEndMet: "End before start",
  limit: "Limit",
  by: "Due by",
  amberWorkingDays: "Amber (working days)",
  appliesWhen: "Applies when",
  limitVariants: "Limit variants",
  exit: "Exit",
  basis: "Basis (STAT, SG, NMS, SCORECARD or LOCAL)",
  source: "Source",
  enabled: "On",
};
