import { SaxesParser } from "saxes";
import { uniqueSheetName } from "../sheets/outputSheetName";
import type { SheetModel } from "./SheetModel";

/**
 * Which sheets the add-in made: one register, kept in the workbook as a custom XML part in our own
 * namespace, read and written by every port (Office.js in Excel, the .xlsx files of the command line,
 * memory), so a sheet the command line wrote is the add-in's when Excel opens the file, and the other
 * way round.
 *
 * Why a custom XML part: it travels inside the file, users never see or sort it (a marker cell can be
 * deleted, overwritten or sorted away; a defined name shows in Name Manager and is easy to delete), it
 * needs only ExcelApi 1.5, and it names each sheet by an id that survives a rename, so a user's sheet
 * that happens to have an output's name is never taken for ours.
 *
 * Each host names sheets by its own id: Office.js by `Worksheet.id`, an .xlsx file by the `sheetId`
 * of workbook.xml, memory by a counter. Neither can see the other's, so an entry records the id of
 * the host that wrote it (`host`, `key`), the tab name it was given (`sheet`) and the text the sheet
 * held in A1 (`stamp`). A host finds the entry's sheet by id when it wrote the entry; when another
 * host did, by the tab name, and only if A1 still holds the stamp (a user who deleted our sheet and
 * made their own of that name has a sheet that is not ours). Writing the entry again records this
 * host's id. Entries another host wrote that match nothing here are kept as they are: that host may
 * still know the sheet by its id (the user renamed it there). A sheet the add-in cannot prove is its
 * own is never overwritten: it writes a new one beside it.
 */
export const OWNED_SHEETS_NAMESPACE = "urn:permanence-tracker:owned-sheets:1";

/** The hosts whose sheet ids an entry can hold. */
export type SheetHost = "office" | "xlsx" | "memory";

export interface OwnedSheet {
  /** The host whose id `key` is. Entries written before hosts were recorded are Office's. */
  host: SheetHost;
  /** That host's id of the sheet: stable across renames in that host. */
  key: string;
  /** The name the add-in asked for (the model's name), which may differ from the tab's. */
  name: string;
  /** The tab's name when the entry was written. */
  sheet: string;
  purpose: string;
  /**
   * The text of A1 when the entry was written: what another host checks before it takes a sheet of
   * that name for ours. Absent in entries written before hosts were recorded, which another host
   * therefore never matches.
   */
  stamp?: string;
}

/** A sheet of the workbook as a host sees it: its id there and its tab name. */
export interface HostSheet {
  key: string;
  name: string;
  /** The text of A1, read for the sheets `sheetsToStamp` names (the others may leave it out). */
  firstCell?: string;
}

/** The register as XML, names escaped. */
export function ownedSheetsXml(sheets: readonly OwnedSheet[]): string {
  const rows = sheets.map(
    (s) =>
      `<sheet host="${escapeXml(s.host)}" id="${escapeXml(s.key)}" name="${escapeXml(s.name)}" ` +
      `sheet="${escapeXml(s.sheet)}" purpose="${escapeXml(s.purpose)}"` +
      `${s.stamp === undefined ? "" : ` stamp="${escapeXml(s.stamp)}"`}/>`,
  );
  return `<ownedSheets xmlns="${OWNED_SHEETS_NAMESPACE}">${rows.join("")}</ownedSheets>`;
}

/**
 * The register read back from its XML. Only our own format is read: a part edited by hand or broken
 * yields the entries that still parse, so at worst a sheet is no longer known as ours and is left alone.
 */
export function parseOwnedSheets(xml: string): OwnedSheet[] {
  const sheets: OwnedSheet[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => {
    if (tag.local !== "sheet" || tag.uri !== OWNED_SHEETS_NAMESPACE) return;
    const attribute = (name: string): string | undefined => tag.attributes[name]?.value;
    const key = attribute("id");
    const name = attribute("name");
    if (!key || !name) return;
    const host = attribute("host");
    const stamp = attribute("stamp");
    sheets.push({
      host: host === "xlsx" || host === "memory" ? host : "office",
      key,
      name,
      // Entries from before hosts were recorded are Office's, known by id only.
      sheet: attribute("sheet") ?? "",
      purpose: attribute("purpose") ?? "",
      ...(stamp === undefined ? {} : { stamp }),
    });
  });
  try {
    parser.write(xml).close();
  } catch {
    // A damaged part: the entries read before the damage stand, the rest are not ours any more.
  }
  return sheets;
}

/**
 * Several copies of the register as one: every entry of each, an entry that two copies hold (the same
 * host and id) once, the later copy's.
 */
export function mergedRegisters(xmls: readonly string[]): string {
  if (xmls.length === 1) return xmls[0] as string;
  const byId = new Map<string, OwnedSheet>();
  for (const xml of xmls)
    for (const entry of parseOwnedSheets(xml)) byId.set(`${entry.host} ${entry.key}`, entry);
  return ownedSheetsXml([...byId.values()]);
}

/** Each entry matched to the sheet it stands for in this host, if any (see the module comment). */
export function ownedSheetsIn(
  entries: readonly OwnedSheet[],
  host: SheetHost,
  sheets: readonly HostSheet[],
): { entry: OwnedSheet; sheet: HostSheet }[] {
  const found: { entry: OwnedSheet; sheet: HostSheet }[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    const sheet = sheets.find((s) => standsFor(entry, host, s));
    if (sheet && !taken.has(sheet.key)) {
      taken.add(sheet.key);
      found.push({ entry, sheet });
    }
  }
  return found;
}

function standsFor(entry: OwnedSheet, host: SheetHost, sheet: HostSheet): boolean {
  if (entry.host === host) return sheet.key === entry.key;
  return (
    entry.stamp !== undefined &&
    entry.sheet !== "" &&
    sameSheetName(sheet.name, entry.sheet) &&
    sheet.firstCell === entry.stamp
  );
}

/**
 * The tabs whose A1 a host must read before matching the register: those that entries written by
 * another host name. Every other sheet is matched by this host's own ids alone.
 */
export function sheetsToStamp(entries: readonly OwnedSheet[], host: SheetHost): string[] {
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.host !== host && entry.stamp !== undefined && entry.sheet !== "") names.push(entry.sheet);
  }
  return names;
}

/** The text a model writes in A1, which identifies it to another host (see `OwnedSheet.stamp`). */
export function stampOf(model: SheetModel): string | undefined {
  // Where several runs write A1, the last one is what the sheet shows.
  let stamp: string | undefined;
  for (const run of model.runs) {
    if (run.row === 1 && run.column === 1 && run.values.length > 0) stamp = stampOfCell(run.values[0]);
  }
  return stamp;
}

/** `{ stamp }` for an entry of the model, or nothing when its A1 holds no text. */
export function stampField(model: SheetModel): { stamp?: string } {
  const stamp = stampOf(model);
  return stamp === undefined ? {} : { stamp };
}

/** The text of a cell's value as a stamp: text and numbers; nothing for a date or a blank. */
export function stampOfCell(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.slice(0, MAX_STAMP) : undefined;
}

// Long enough to tell outputs apart, short enough to keep the register small.
const MAX_STAMP = 200;

/** Where a model goes: the owned sheet it replaces (if any) and the tab name it gets. */
export interface OwnedWritePlan {
  /** The sheet of ours the model replaces; absent when a new sheet is added. */
  target?: HostSheet;
  name: string;
  /** A sentence for the user when the output could not have the name it asked for. */
  note?: string;
}

/**
 * Where the add-in writes a model: over its own sheet of that name, or over the sheet of ours that
 * was written under that name before (the user may have renamed it), or else into a new sheet, with a
 * free name when a user's sheet has the one asked for. A user's sheet is never the target.
 */
export function planOwnedWrite(
  entries: readonly OwnedSheet[],
  host: SheetHost,
  sheets: readonly HostSheet[],
  wanted: string,
): OwnedWritePlan {
  const owned = ownedSheetsIn(entries, host, sheets);
  const holder = sheets.find((s) => sameSheetName(s.name, wanted));
  const ours = (sheet: HostSheet): boolean => owned.some((o) => o.sheet.key === sheet.key);
  if (holder && ours(holder)) return { target: holder, name: holder.name };
  const previous = owned.find((o) => sameSheetName(o.entry.name, wanted))?.sheet;
  // A sheet of ours the user renamed keeps the user's name: the register still knows it.
  if (!holder) return previous ? { target: previous, name: previous.name } : { name: wanted };
  // The name is a user's sheet: ours goes elsewhere, to the sheet it was given before if any (the
  // user was told then), else to a new sheet with a free name.
  if (previous) return { target: previous, name: previous.name };
  const name = uniqueSheetName(
    wanted,
    sheets.map((s) => s.name),
  );
  return {
    name,
    note: `A sheet named “${wanted}” is already in the workbook and is not the add-in's, so it was left alone and the new one is called “${name}”.`,
  };
}

/**
 * The register after a write: the written sheet's entry in this host's ids; this host's other
 * entries that still stand for a sheet (those of sheets since deleted are dropped); and every entry
 * another host wrote that does not stand for the replaced sheet, kept as it was (this host cannot
 * tell whether that host still knows its sheet). `sheets` are the sheets as they were before the
 * write; `replacedKey` is the sheet the write replaced, when it was not written in place.
 */
export function registerAfterWrite(
  entries: readonly OwnedSheet[],
  host: SheetHost,
  sheetsBefore: readonly HostSheet[],
  written: OwnedSheet,
  replacedKey: string = written.key,
): OwnedSheet[] {
  return [...entriesKept(entries, host, sheetsBefore, replacedKey), written];
}

function entriesKept(
  entries: readonly OwnedSheet[],
  host: SheetHost,
  sheets: readonly HostSheet[],
  replacedKey: string,
): OwnedSheet[] {
  const matched = new Map(ownedSheetsIn(entries, host, sheets).map((o) => [o.entry, o.sheet]));
  return entries.filter((entry) => {
    const sheet = matched.get(entry);
    if (sheet) return sheet.key !== replacedKey;
    return entry.host !== host;
  });
}

/** The name each owned sheet was written as (its output's name), by the sheet's id in this host. */
export function outputNamesByKey(
  entries: readonly OwnedSheet[],
  host: SheetHost,
  sheets: readonly HostSheet[],
): Map<string, string> {
  return new Map(ownedSheetsIn(entries, host, sheets).map((o) => [o.sheet.key, o.entry.name]));
}

// Excel treats sheet names case-insensitively: "agenda" and "Agenda" cannot both exist.
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("en-GB") === b.toLocaleLowerCase("en-GB");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
