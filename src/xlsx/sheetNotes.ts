import type { RangePosition } from "../engine/tables/cellAddress";
import { cellAddress, parseCellAddress } from "../engine/tables/cellAddress";
import { CONTENT_TYPES, RELATIONSHIP_TYPES, XlsxPackage, resolveTarget } from "./XlsxPackage";
import {
  appendingChild,
  attributeValue,
  contentOf,
  descendantsOf,
  elementsByName,
  insertBeforeClosing,
  removal,
  splice,
  xmlElements,
} from "./xmlElements";
import { escapeCellText, escapeXml, unescapeXml } from "./xmlText";

/*
 * Notes (Excel's classic cell comments) on a user's sheet: the text lives in a comments part
 * (xl/commentsN.xml) and the yellow box Excel shows in a VML drawing part, both related from the
 * sheet; the sheet itself points at the VML part with <legacyDrawing>. The add-in writes one note,
 * on the status block's marker header, and removes notes from the block's cells, leaving every other
 * note (and any form control in the same VML part) as it was.
 */

/** The name the add-in's notes are signed with. */
const AUTHOR = "Permanence tracker add-in";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface NoteChange {
  /** Notes in these cells are removed. */
  clear: RangePosition | undefined;
  /** The note to write, replacing any note the cell has. */
  note: { row: number; column: number; text: string } | undefined;
}

/**
 * Applies a note change to a sheet's comments and VML parts, creating them when the sheet has none.
 * Returns the id of a new relationship to a VML part, which the sheet must then point at with a
 * <legacyDrawing> element; undefined when the sheet already had one.
 */
export function changeNotes(pkg: XlsxPackage, sheetPath: string, change: NoteChange): string | undefined {
  const rels = pkg.relationships(sheetPath);
  const commentsRel = rels.find((r) => r.type === RELATIONSHIP_TYPES.comments && !r.external);
  const vmlRel = rels.find((r) => r.type === RELATIONSHIP_TYPES.vmlDrawing && !r.external);
  const inChange = (row: number, column: number): boolean =>
    (change.clear !== undefined &&
      change.clear.top <= row &&
      row <= change.clear.bottom &&
      change.clear.left <= column &&
      column <= change.clear.right) ||
    (change.note !== undefined && change.note.row === row && change.note.column === column);

  let commentsPath = commentsRel ? resolveTarget(sheetPath, commentsRel.target) : undefined;
  if (commentsPath === undefined && change.note === undefined) return undefined;
  if (commentsPath === undefined) {
    commentsPath = pkg.freshPartName("xl/comments1.xml");
    pkg.write(
      commentsPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`,
    );
    pkg.setContentType(commentsPath, CONTENT_TYPES.comments);
    pkg.addRelationship(sheetPath, RELATIONSHIP_TYPES.comments, commentsPath);
  }
  pkg.write(commentsPath, changedComments(pkg.text(commentsPath) ?? "", inChange, change.note));

  let newVml: string | undefined;
  let vmlPath = vmlRel ? resolveTarget(sheetPath, vmlRel.target) : undefined;
  if (vmlPath === undefined || !pkg.has(vmlPath)) {
    if (change.note === undefined) return undefined;
    vmlPath = pkg.freshPartName("xl/drawings/vmlDrawing1.vml");
    pkg.write(vmlPath, emptyVml(nextIdBlock(pkg)));
    pkg.setDefaultContentType("vml", CONTENT_TYPES.vmlDrawing);
    newVml = pkg.addRelationship(sheetPath, RELATIONSHIP_TYPES.vmlDrawing, vmlPath);
  }
  pkg.write(vmlPath, changedVml(pkg.text(vmlPath) ?? "", inChange, change.note));
  return newVml;
}

function changedComments(
  xml: string,
  inChange: (row: number, column: number) => boolean,
  note: NoteChange["note"],
): string {
  const elements = xmlElements(xml);
  const prefix = elements.find((e) => e.depth === 0)?.prefix ?? "";
  const dropped = elementsByName(elements, "comment").filter((comment) => {
    const at = parseCellAddress(attributeValue(comment, "ref") ?? "");
    return at !== undefined && inChange(at.row, at.column);
  });
  const out = splice(xml, dropped.map(removal));
  if (note === undefined) return out;
  return withNote(out, prefix, note);
}

/** The comments part with one note added, and its author (the add-in) if it is not listed yet. */
function withNote(xml: string, prefix: string, note: NonNullable<NoteChange["note"]>): string {
  let out = xml;
  const authors = elementsByName(xmlElements(out), "author").map((a) => unescapeXml(contentOf(out, a)));
  let authorId = authors.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    out = insertBeforeClosing(out, "authors", `<${prefix}author>${escapeXml(AUTHOR)}</${prefix}author>`);
  }
  const ref = cellAddress(note.row, note.column);
  const element =
    // One run (<r>) holding the text, as Excel writes a note: readers that take runs only find it too.
    `<${prefix}comment ref="${ref}" authorId="${authorId}"><${prefix}text><${prefix}r><${prefix}t xml:space="preserve">` +
    `${escapeCellText(note.text)}</${prefix}t></${prefix}r></${prefix}text></${prefix}comment>`;
  return insertBeforeClosing(out, "commentList", element);
}

function changedVml(
  xml: string,
  inChange: (row: number, column: number) => boolean,
  note: NoteChange["note"],
): string {
  const elements = xmlElements(xml);
  // A note's box is a shape whose client data says ObjectType="Note", with the cell's row and column
  // (from 0) in x:Row and x:Column; form buttons and other shapes are left alone.
  const dropped = elementsByName(elements, "shape").filter((shape) => {
    const inside = descendantsOf(elements, shape);
    const data = elementsByName(inside, "ClientData")[0];
    if (data === undefined || attributeValue(data, "ObjectType") !== "Note") return false;
    const numberIn = (name: string): number => {
      const [element] = elementsByName(inside, name);
      const text = element ? contentOf(xml, element).trim() : "";
      return /^\d+$/.test(text) ? Number(text) : Number.NaN;
    };
    const row = numberIn("Row");
    const column = numberIn("Column");
    return Number.isInteger(row) && Number.isInteger(column) && inChange(row + 1, column + 1);
  });
  const out = splice(xml, dropped.map(removal));
  if (note === undefined) return out;
  const kept = xmlElements(out);
  const [idmap] = elementsByName(kept, "idmap");
  const block = Number((idmap && attributeValue(idmap, "data"))?.split(",")[0] ?? 1);
  // Shape ids are "_x0000_s" and a number: the new one follows the highest in the drawing.
  let id = block * 1024;
  for (const shape of elementsByName(kept, "shape")) {
    const n = /^_x0000_s(\d+)$/.exec(attributeValue(shape, "id") ?? "")?.[1];
    if (n !== undefined) id = Math.max(id, Number(n));
  }
  id += 1;
  const row = note.row - 1;
  const column = note.column - 1;
  // Excel's own box for a note: to the right of the cell, a little above it, hidden until hovered.
  const shape =
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:79.5pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${column + 1}, 15, ${Math.max(0, row - 1)}, 2, ${column + 5}, 15, ${row + 5}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`;
  // A drawing made for form buttons alone has no note box type to refer to.
  const hasType = elementsByName(kept, "shapetype").some((t) => attributeValue(t, "id") === "_x0000_t202");
  const root = kept.find((e) => e.depth === 0);
  return root ? splice(out, [appendingChild(out, root, hasType ? shape : NOTE_SHAPE_TYPE + shape)]) : out;
}

/**
 * VML shape ids are numbered in blocks of 1024 that no two drawings of the workbook share (the
 * idmap's data): a new drawing takes the block after the highest in use.
 */
function nextIdBlock(pkg: XlsxPackage): number {
  let highest = 0;
  for (const path of pkg.paths()) {
    if (!path.toLowerCase().endsWith(".vml")) continue;
    const [idmap] = elementsByName(xmlElements(pkg.text(path) ?? ""), "idmap");
    const data = (idmap && attributeValue(idmap, "data")) ?? "";
    for (const n of data.split(",")) if (Number.isFinite(Number(n))) highest = Math.max(highest, Number(n));
  }
  return highest + 1;
}

/** The text box shape type (202) every note's shape is. */
const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function emptyVml(block: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    NOTE_SHAPE_TYPE +
    "</xml>"
  );
}
