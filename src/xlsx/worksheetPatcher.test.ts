import { SheetEdits } from "./sheetEdits";
import { patchWorksheet } from "./worksheetPatcher";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function* pieces(text: string, size: number): AsyncGenerator<Buffer, void, undefined> {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function patched(xml: string, edits: SheetEdits, size = 11, date1904 = false): Promise<string> {
  let out = "";
  for await (const piece of patchWorksheet(pieces(xml, size), edits, date1904)) out += piece;
  return out;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
const ROWS =
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
  '<row r="2" spans="1:3" ht="20" customHeight="1"><c r="A2"><v>1</v></c><c r="B2" s="3"><f>A2*2</f><v>2</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Ünïcödé &amp; more</t></is></c></row>';
const TAIL =
  '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>' +
  '<conditionalFormatting sqref="A2:A3"><cfRule type="cellIs" dxfId="0" priority="4" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>' +
  '<conditionalFormatting sqref="E2:F3"><cfRule type="cellIs" dxfId="1" priority="5" operator="equal"><formula>"Red"</formula></cfRule></conditionalFormatting>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="0"/></worksheet>';
const SHEET = `${HEAD}<cols><col min="1" max="4" width="12" customWidth="1" style="7"/></cols><sheetData>${ROWS}</sheetData>${TAIL}`;

describe("patching a user's worksheet as it is copied", () => {
  it("copies it character for character when nothing in it is edited, whatever the pieces it comes in", async () => {
    for (const size of [1, 7, 64, 100_000]) expect(await patched(SHEET, new SheetEdits(), size)).toBe(SHEET);
  });

  it("replaces only the edited cells of a row; the row's other cells and every other row stay as they were", async () => {
    const edits = new SheetEdits();
    edits.setCell(2, 2, { value: new Date(Date.UTC(2024, 3, 3)), format: 9 });
    edits.setCell(2, 1, { value: null, format: 0 });
    const out = await patched(SHEET, edits);
    expect(out).toContain(
      // A2 blank without a format goes; B2's formula gives way to the value; spans goes, height stays.
      '<row r="2" ht="20" customHeight="1"><c r="B2" s="9"><v>45385</v></c></row>',
    );
    expect(out.replace(/<row r="2".*?<\/row>/, "")).toBe(SHEET.replace(/<row r="2".*?<\/row>/, ""));
  });

  it("puts new cells in column order and new rows in row order, and widens the dimension to them", async () => {
    const edits = new SheetEdits();
    edits.setCell(1, 5, { value: "Tracker status ▸ overall RAG", format: 4 });
    edits.setCell(1, 4, { value: "=not a formula", format: 0 });
    edits.setCell(5, 2, { value: true, format: 0 });
    edits.setCell(4, 1, { value: { error: "#N/A" }, format: 0 });
    edits.setCell(0 + 1, 1, { value: " spaced ", format: 0 });
    const out = await patched(SHEET, edits);
    expect(out).toContain(
      '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> spaced </t></is></c>' +
        '<c r="B1" s="2" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>=not a formula</t></is></c>' +
        '<c r="E1" s="4" t="inlineStr"><is><t>Tracker status ▸ overall RAG</t></is></c></row>',
    );
    expect(out).toContain(
      '</row><row r="4"><c r="A4" t="e"><v>#N/A</v></c></row><row r="5"><c r="B5" t="b"><v>1</v></c></row></sheetData>',
    );
    expect(out).toContain('<dimension ref="A1:E5"/>');
  });

  it("sets one column's width by splitting the range that holds it, keeping the range's style on every piece", async () => {
    const edits = new SheetEdits();
    edits.columnWidths.set(2, 30);
    edits.columnWidths.set(9, 14);
    const out = await patched(SHEET, edits);
    expect(out).toContain(
      '<cols><col min="1" max="1" width="12" customWidth="1" style="7"/>' +
        '<col min="2" max="2" width="30" customWidth="1" style="7"/>' +
        '<col min="3" max="4" width="12" customWidth="1" style="7"/>' +
        '<col min="9" max="9" width="14" customWidth="1"/></cols>',
    );
  });

  it("replaces the add-in's conditional formats, keeps the user's and numbers new rules after the highest", async () => {
    const edits = new SheetEdits();
    edits.removeFormats((sqref) => sqref.startsWith("E"));
    edits.addedFormats.push({
      sqref: "E2:F3",
      rules: [
        { text: "Red", differentialFormat: 3 },
        { text: 'say "hi"', differentialFormat: 4 },
      ],
    });
    const out = await patched(SHEET, edits);
    expect(out).toContain('<conditionalFormatting sqref="A2:A3">');
    expect(out).not.toContain('dxfId="1"');
    expect(out).toContain(
      '</conditionalFormatting><conditionalFormatting sqref="E2:F3">' +
        '<cfRule type="cellIs" dxfId="3" priority="5" operator="equal"><formula>"Red"</formula></cfRule>' +
        '<cfRule type="cellIs" dxfId="4" priority="6" operator="equal"><formula>"say ""hi"""</formula></cfRule>' +
        "</conditionalFormatting><pageMargins",
    );
  });

  it("adds a legacy drawing for notes where the schema wants it, and an empty sheet's first rows", async () => {
    const empty = `${HEAD}<sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="0"/></worksheet>`;
    const edits = new SheetEdits();
    edits.setCell(1, 1, { value: 2.5, format: 0 });
    edits.legacyDrawingRelationshipId = "rId9";
    const out = await patched(empty, edits);
    expect(out).toContain('<sheetData><row r="1"><c r="A1"><v>2.5</v></c></row></sheetData>');
    expect(out).toContain('header="0.3" footer="0.3"/><legacyDrawing r:id="rId9"/><tableParts count="0"/>');
  });

  it("writes into a part whose elements carry a namespace prefix with the same prefix", async () => {
    const prefixed = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const edits = new SheetEdits();
    edits.setCell(1, 2, { value: "ok", format: 0 });
    expect(await patched(prefixed, edits, 3)).toBe(
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>` +
        '<x:c r="B1" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  it("counts a 1904 workbook's dates from 1904", async () => {
    const edits = new SheetEdits();
    edits.setCell(3, 3, { value: new Date(Date.UTC(2024, 3, 3)), format: 1 });
    expect(await patched(SHEET, edits, 50, true)).toContain('<c r="C3" s="1"><v>43923</v></c>');
  });
});
