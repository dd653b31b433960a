import type { RangePosition } from "../engine/tables/cellAddress";
import { cellAddress, parseCellAddress } from "../engine/tables/cellAddress";
import { CONTENT_TYPES, RELATIONSHIP_TYPES, XlsxPackage, resolveTarget } from "./XlsxPackage";
import { attributesOf, elementsNamed, insertBeforeClosing, tagsNamed } from "./xmlElements";
import { escapeCellText, escapeXml } from "./xmlText";

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
  const prefix = /<([\w.-]+:)?comments\b/.exec(xml)?.[1] ?? "";
  let out = xml;
  for (const comment of elementsNamed(xml, "comment")) {
    const at = parseCellAddress(attributesOf(/^<[^>]*>/.exec(comment.text)?.[0] ?? "").get("ref") ?? "");
    if (at && inChange(at.row, at.column)) out = out.replace(comment.text, "");
  }
  if (note === undefined) return out;
  const authors = elementsNamed(out, "author").map((a) => a.text.replace(/^<[^>]*>|<\/[^>]*>$/g, ""));
  let authorId = authors.indexOf(escapeXml(AUTHOR));
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
  let out = xml;
  for (const shape of elementsNamed(xml, "shape")) {
    if (!/ObjectType\s*=\s*["']Note["']/.test(shape.text)) continue;
    const row = Number(/<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape.text)?.[1]);
    const column = Number(/<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape.text)?.[1]);
    if (Number.isInteger(row) && Number.isInteger(column) && inChange(row + 1, column + 1))
      out = out.replace(shape.text, "");
  }
  if (note === undefined) return out;
  const block = Number(
    attributesOf(tagsNamed(out, "idmap")[0] ?? "")
      .get("data")
      ?.split(",")[0] ?? 1,
  );
  let id = block * 1024;
  for (const m of out.matchAll(/_x0000_s(\d+)/g)) id = Math.max(id, Number(m[1]));
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
  const withType = /id\s*=\s*["']_x0000_t202["']/.test(out) ? shape : NOTE_SHAPE_TYPE + shape;
  const closing = out.lastIndexOf("</xml>");
  return closing < 0 ? out : out.slice(0, closing) + withType + out.slice(closing);
}

/**
 * VML shape ids are numbered in blocks of 1024 that no two drawings of the workbook share (the
 * idmap's data): a new drawing takes the block after the highest in use.
 */
function nextIdBlock(pkg: XlsxPackage): number {
  let highest = 0;
  for (const path of pkg.paths()) {
    if (!path.toLowerCase().endsWith(".vml")) continue;
    const data = attributesOf(tagsNamed(pkg.text(path) ?? "", "idmap")[0] ?? "").get("data") ?? "";
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
