import { readSharedStrings } from "./sharedStrings";
import { StyleSheet } from "./styleSheet";
import { isProtectedWorksheet, readWorksheet, type CellReading } from "./worksheetReader";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Text as the pieces an inflater hands over: small, so elements and characters split across them. */
function pieces(text: string, size = 7): Buffer[] {
  const bytes = Buffer.from(text, "utf8");
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

function sheet(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** Cell formats 1: dd/mm/yyyy, 2: built-in 14, 3: h:mm, 4: a number with quoted text, 5: General. */
const STYLES = StyleSheet.read(
  `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>` +
    '<numFmt numFmtId="165" formatCode="0 &quot;days&quot;"/></numFmts><cellXfs count="6">' +
    '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="20"/><xf numFmtId="165"/><xf numFmtId="0"/>' +
    "</cellXfs></styleSheet>",
);

function reading(sharedStrings: string[] = [], date1904 = false): CellReading {
  return { sharedStrings, isDateStyle: (xf) => STYLES.isDateStyle(xf), date1904 };
}

describe("reading a worksheet part", () => {
  it("reads shared strings, inline strings, rich text and formula text as text, escapes decoded", async () => {
    const strings = await readSharedStrings(
      pieces(
        `<sst xmlns="${MAIN}"><si><t>Sam Patel</t></si><si><r><t>A.</t></r><r><rPr><i/></rPr><t>B.</t></r></si>` +
          '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>line_x000D_break &amp; more</t></si></sst>',
      ),
    );
    expect(strings).toEqual(["Sam Patel", "A.B.", "東京", "line\rbreak & more"]);
    const read = await readWorksheet(
      pieces(
        sheet(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
            '<c r="D1" t="s"><v>3</v></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c>' +
            '<c r="B2" t="inlineStr"><is><r><t>Rich </t></r><r><t>inline</t></r></is></c>' +
            '<c r="C2" t="str"><v>text as written by exceljs</v></c>' +
            '<c r="D2" t="str"><f>UPPER("x")</f><v>X</v></c><c r="E2" t="inlineStr"><is><t>_x005F_x0041_</t></is></c></row>',
        ),
      ),
      reading(strings),
    );
    expect(read.values).toEqual([
      ["Sam Patel", "A.B.", "東京", "line\rbreak & more"],
      [" padded ", "Rich inline", "text as written by exceljs", "X", "_x0041_"],
    ]);
  });

  it("reads numbers as dates exactly where the cell's number format shows a date, as exceljs did", async () => {
    const read = await readWorksheet(
      pieces(
        sheet(
          '<row r="1"><c r="A1" s="1"><v>45385</v></c><c r="B1" s="2"><v>45385</v></c>' +
            '<c r="C1" s="3"><v>0.5</v></c><c r="D1" s="4"><v>45385</v></c><c r="E1" s="5"><v>45385</v></c>' +
            '<c r="F1"><v>45385</v></c><c r="G1" s="1"><f>C1+1</f><v>45386</v></c></row>',
        ),
      ),
      reading(),
    );
    expect(read.values[0]).toEqual([
      new Date(Date.UTC(2024, 3, 3)),
      new Date(Date.UTC(2024, 3, 3)),
      new Date(Date.UTC(1899, 11, 30, 12)),
      45385,
      45385,
      45385,
      new Date(Date.UTC(2024, 3, 4)),
    ]);
  });

  it("counts a 1904 workbook's dates from 1904, and shares one Date per day among cells", async () => {
    const read = await readWorksheet(
      pieces(sheet('<row r="1"><c r="A1" s="1"><v>43923</v></c><c r="B1" s="1"><v>43923</v></c></row>')),
      reading([], true),
    );
    expect(read.values[0]?.[0]).toEqual(new Date(Date.UTC(2024, 3, 3)));
    expect(read.values[0]?.[0]).toBe(read.values[0]?.[1]);
  });

  it("reads booleans, errors and cached results, and a formula not yet calculated as blank", async () => {
    const read = await readWorksheet(
      pieces(
        sheet(
          '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c>' +
            '<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="b"><f>TRUE()</f><v>0</v></c>' +
            '<c r="E1"><f>SUM(A:A)</f></c><c r="F1"><f t="shared" si="0"/><v>3</v></c><c r="G1" s="5"/></row>',
        ),
      ),
      reading(),
    );
    expect(read.values).toEqual([[true, { error: "#N/A" }, { error: "#DIV/0!" }, false, null, 3]]);
  });

  it("blanks the cells a merge covers but its first, and gives merges, hidden rows and protection", async () => {
    const read = await readWorksheet(
      pieces(
        sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>hidden by the merge</t></is></c></row>' +
            '<row r="3" hidden="1"><c r="A3"><v>1</v></c></row><row r="4" hidden="true"/>',
          '<sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
        ),
      ),
      reading(),
    );
    expect(read.values).toEqual([["Title"], [], [1]]);
    expect(read.merges).toEqual(["A1:C1"]);
    expect(read.hiddenRows).toEqual([3, 4]);
    expect(read.protected).toBe(true);
  });

  it("places rows and cells without an r attribute one after another, as the schema allows", async () => {
    const read = await readWorksheet(
      pieces(
        sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>'),
      ),
      reading(),
    );
    expect(read.values).toEqual([
      [1, 2],
      [null, null, 3, 4],
    ]);
  });

  it("reads a part whose elements carry a namespace prefix the same as one without", async () => {
    const xml =
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>C001</x:t></x:is></x:c>` +
      '<x:c r="C2" s="1"><x:v>45385</x:v></x:c></x:row></x:sheetData><x:sheetProtection sheet="true"/></x:worksheet>';
    const read = await readWorksheet(pieces(xml), reading());
    expect(read.values).toEqual([[], [null, "C001", new Date(Date.UTC(2024, 3, 3))]]);
    expect(await isProtectedWorksheet(pieces(xml, 5))).toBe(true);
  });

  it("finds protection without reading the cells, and only the element, not text that names it", async () => {
    const unprotected = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>sheetProtection sheet="1"</t></is></c></row>',
    );
    expect(await isProtectedWorksheet(pieces(unprotected, 3))).toBe(false);
    expect(await isProtectedWorksheet(pieces(sheet("", '<sheetProtection objects="1"/>')))).toBe(false);
    expect(
      await isProtectedWorksheet(pieces(sheet("", '<sheetProtection password="CC1A" sheet="1"/>'), 4)),
    ).toBe(true);
  });

  it("keeps only the cells asked for, with their formats, the rows' and the columns'", async () => {
    const xml =
      `<worksheet xmlns="${MAIN}"><cols><col min="4" max="6" width="9" style="3"/></cols><sheetData>` +
      '<row r="1" s="2" customFormat="1"><c r="A1" s="1"><v>1</v></c><c r="B1"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" s="4"/><c r="B2"><v>3</v></c></row></sheetData></worksheet>';
    const read = await readWorksheet(pieces(xml), {
      ...reading(),
      only: (row, column) => column === 1,
      formats: true,
    });
    // Serial 1 in a dd/mm/yyyy cell: exceljs's arithmetic gives 31/12/1899 (it skips Excel's 1900 leap-day quirk).
    expect(read.values).toEqual([[new Date(Date.UTC(1899, 11, 31))]]);
    expect([...(read.formats?.cells.values() ?? [])]).toEqual([1, 4]);
    expect([...(read.formats?.rows ?? [])]).toEqual([[1, 2]]);
    expect(read.formats?.columns).toEqual([{ min: 4, max: 6, format: 3 }]);
  });
});
