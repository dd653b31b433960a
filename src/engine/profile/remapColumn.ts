import {
  normaliseHeader,
  TrackerProfile,
  type ColumnKey,
  type SheetKey,
  type SheetSpec,
} from "./TrackerProfile";

/**
 * The profile with a worksheet header read as `columnKey` of the sheet `sheetKey`, or read as
 * nothing (`null`). A column is found by its title and aliases, so the header becomes an alias of
 * the chosen column and stops being an alias of every other column of that sheet: an alias named
 * by two columns would leave which one wins to the tie-breaks of the mapper. Other sheets keep it
 * ("ID" is both the child's and the household's ID, on different sheets).
 *
 * A header that is already the chosen column's title is not added again; one that is another
 * column's title cannot be moved by aliases (a title always wins): `remapConflict` says so first.
 */
export function remapColumn(
  profile: TrackerProfile,
  sheetKey: SheetKey,
  header: string,
  columnKey: ColumnKey | null,
): TrackerProfile {
  const sheet = sheetOf(profile, sheetKey);
  if (columnKey !== null && !sheet.columns.some((c) => c.key === columnKey))
    throw new RangeError(`The ${sheet.title} sheet has no column "${columnKey}"`);
  const text = header.trim().replace(/\s+/g, " ");
  const wanted = normaliseHeader(text);
  const columns = sheet.columns.map((column) => {
    const aliases = column.aliases.filter((a) => normaliseHeader(a) !== wanted);
    const isTitle = normaliseHeader(column.title) === wanted;
    if (column.key === columnKey && !isTitle) aliases.push(text);
    return { ...column, aliases };
  });
  return withSheet(profile, { ...sheet, columns });
}

/**
 * The profile with a worksheet's name as an alias of the sheet `sheetKey`, so the next read finds
 * that worksheet as this sheet; taken off the other sheets' aliases, so no two claim the worksheet.
 */
export function aliasSheet(
  profile: TrackerProfile,
  sheetKey: SheetKey,
  worksheetName: string,
): TrackerProfile {
  sheetOf(profile, sheetKey);
  const wanted = normaliseHeader(worksheetName);
  const sheets = profile.sheets.map((sheet) => {
    const aliases = sheet.aliases.filter((a) => normaliseHeader(a) !== wanted);
    if (sheet.key === sheetKey && normaliseHeader(sheet.title) !== wanted) aliases.push(worksheetName.trim());
    return { ...sheet, aliases };
  });
  return TrackerProfile.parse({ ...profile, sheets });
}

/**
 * Why reading `header` as `columnKey` (or as nothing) cannot be saved as an alias, in plain words;
 * `undefined` when it can. The mapper reads a header that is a column's title as that column
 * before any alias, so the header has to be renamed in the sheet instead.
 */
export function remapConflict(
  profile: TrackerProfile,
  sheetKey: SheetKey,
  header: string,
  columnKey: ColumnKey | null,
): string | undefined {
  const sheet = sheetOf(profile, sheetKey);
  const wanted = normaliseHeader(header);
  const titled = sheet.columns.find((c) => normaliseHeader(c.title) === wanted);
  if (titled === undefined || titled.key === columnKey) return undefined;
  const instead =
    columnKey === null
      ? "not to be read"
      : `to be read as “${sheet.columns.find((c) => c.key === columnKey)?.title ?? columnKey}”`;
  return `“${header}” is the add-in's own header for “${titled.title}”: rename it in the sheet for it ${instead}.`;
}

function sheetOf(profile: TrackerProfile, sheetKey: SheetKey): SheetSpec {
  const sheet = profile.sheets.find((s) => s.key === sheetKey);
  if (sheet === undefined) throw new RangeError(`The profile "${profile.name}" has no sheet "${sheetKey}"`);
  return sheet;
}

// Parsed again so what is saved in the workbook is always a profile the next read accepts.
function withSheet(profile: TrackerProfile, sheet: SheetSpec): TrackerProfile {
  return TrackerProfile.parse({
    ...profile,
    sheets: profile.sheets.map((s) => (s.key === sheet.key ? sheet : s)),
  });
}
