/**
 * Which sheets the add-in made, kept in the workbook as a custom XML part in our own namespace.
 *
 * Why a custom XML part: it travels inside the file, users never see or sort it (a marker cell can be
 * deleted, overwritten or sorted away; a defined name shows in Name Manager and is easy to delete),
 * it needs only ExcelApi 1.5, and it records the sheet's id, so a user's sheet that happens to have
 * the same name as ours is never taken for ours, and a sheet of ours the user renames is still known.
 */
export const OWNED_SHEETS_NAMESPACE = "urn:permanence-tracker:owned-sheets:1";

export interface OwnedSheet {
  /** Office's worksheet id, stable across renames. */
  id: string;
  /** The name the add-in asked for (the model's name), which may differ from the sheet's own. */
  name: string;
  purpose: string;
}

/** The registry as XML, names escaped. */
export function ownedSheetsXml(sheets: readonly OwnedSheet[]): string {
  const rows = sheets.map(
    (s) => `<sheet id="${escapeXml(s.id)}" name="${escapeXml(s.name)}" purpose="${escapeXml(s.purpose)}"/>`,
  );
  return `<ownedSheets xmlns="${OWNED_SHEETS_NAMESPACE}">${rows.join("")}</ownedSheets>`;
}

/**
 * The registry read back from its XML. Only our own format is read: anything else (a part edited by
 * hand) yields the entries that still parse, so at worst a sheet is no longer known as ours and is
 * left alone.
 */
export function parseOwnedSheets(xml: string): OwnedSheet[] {
  const sheets: OwnedSheet[] = [];
  for (const match of xml.matchAll(/<sheet\s([^>]*?)\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const a of (match[1] ?? "").matchAll(/(\w+)="([^"]*)"/g))
      attributes.set(a[1] ?? "", unescapeXml(a[2] ?? ""));
    const id = attributes.get("id");
    const name = attributes.get("name");
    if (id && name) sheets.push({ id, name, purpose: attributes.get("purpose") ?? "" });
  }
  return sheets;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
}
