import {
  appendingChild,
  attributesOf,
  elementsByName,
  elementsNamed,
  insertBeforeClosing,
  removal,
  removingAttribute,
  settingAttribute,
  splice,
  tagsNamed,
  textOf,
  withAttribute,
  withoutAttribute,
  xmlElements,
  type XmlElement,
} from "./xmlElements";

const found = (element: XmlElement | undefined): XmlElement => {
  if (!element) throw new Error("no such element");
  return element;
};

// As Excel writes a workbook part: one line, default namespace, r: prefix, mc:Ignorable.
const EXCEL_WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15">' +
  '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="2"/></bookViews>' +
  '<sheets><sheet name="Joint Tracker" sheetId="1" r:id="rId1"/><sheet name="A &amp; B" sheetId="2" state="hidden" r:id="rId2"/></sheets>' +
  "</workbook>";

// As LibreOffice writes one: indented, attributes in another order, an x: prefix on every element,
// a comment and a CDATA section that look like elements.
const LIBREOFFICE_WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <!-- <x:sheet name="Commented out" sheetId="9" r:id="rId9"/> -->
  <x:sheets>
    <x:sheet r:id="rId1" sheetId='1' name="Joint Tracker" />
  </x:sheets>
  <x:definedNames><x:definedName name="Note"><![CDATA[<x:sheet name="In CDATA"/>]]></x:definedName></x:definedNames>
</x:workbook>`;

describe("finding elements with a parser", () => {
  it("finds the sheets of Excel's workbook part with their attributes decoded, wherever they are", () => {
    const sheets = elementsByName(xmlElements(EXCEL_WORKBOOK), "sheet");
    expect(sheets.map((s) => s.attributes.map((a) => [a.name, a.value]))).toEqual([
      [
        ["name", "Joint Tracker"],
        ["sheetId", "1"],
        ["r:id", "rId1"],
      ],
      [
        ["name", "A & B"],
        ["sheetId", "2"],
        ["state", "hidden"],
        ["r:id", "rId2"],
      ],
    ]);
    expect(sheets.map((s) => textOf(EXCEL_WORKBOOK, s))).toEqual(tagsNamed(EXCEL_WORKBOOK, "sheet"));
    expect(textOf(EXCEL_WORKBOOK, found(sheets[1]))).toBe(
      '<sheet name="A &amp; B" sheetId="2" state="hidden" r:id="rId2"/>',
    );
  });

  it("leaves out what only looks like an element in a comment or a CDATA section", () => {
    expect(tagsNamed(LIBREOFFICE_WORKBOOK, "sheet")).toEqual([
      `<x:sheet r:id="rId1" sheetId='1' name="Joint Tracker" />`,
    ]);
  });

  it("knows a prefixed element by its local name, and gives its prefix", () => {
    const [sheets] = elementsByName(xmlElements(LIBREOFFICE_WORKBOOK), "sheets");
    expect([sheets?.name, sheets?.localName, sheets?.prefix, sheets?.depth]).toEqual([
      "x:sheets",
      "sheets",
      "x:",
      1,
    ]);
  });

  it("gives a whole element start tag to end tag, nested ones included", () => {
    const xml = "<a><b><b/></b><b>x</b></a>";
    expect(elementsNamed(xml, "b").map((e) => [e.text, e.index])).toEqual([
      ["<b><b/></b>", 3],
      ["<b/>", 6],
      ["<b>x</b>", 14],
    ]);
  });

  it("reads attributes in single or double quotes, with spaces around the equals sign", () => {
    expect([...attributesOf(`<x:sheet r:id = "rId1" sheetId='1' name="&lt;Tom&apos;s&gt;"/>`)]).toEqual([
      ["r:id", "rId1"],
      ["sheetId", "1"],
      ["name", "<Tom's>"],
    ]);
    // ">" may stand in a value; it does not end the tag.
    expect(withAttribute('<definedName comment="a > b" name="x">', "hidden", "1")).toBe(
      '<definedName comment="a > b" name="x" hidden="1">',
    );
    // A start tag cut before its ">", as the package code extends them.
    expect(attributesOf('<xf numFmtId="14" fontId="0"').get("numFmtId")).toBe("14");
  });
});

describe("editing by the parser's positions", () => {
  it("sets an attribute where it stands, keeping the others' order, quotes and spacing", () => {
    const tag = `<x:sheet r:id="rId1" sheetId='1' name="Joint Tracker" />`;
    expect(withAttribute(tag, "sheetId", "7")).toBe(
      `<x:sheet r:id="rId1" sheetId="7" name="Joint Tracker" />`,
    );
    expect(withAttribute(tag, "state", "hidden")).toBe(
      `<x:sheet r:id="rId1" sheetId='1' name="Joint Tracker" state="hidden" />`,
    );
    expect(withAttribute('<xf numFmtId="0"', "applyNumberFormat", "1")).toBe(
      '<xf numFmtId="0" applyNumberFormat="1"',
    );
    expect(withAttribute("<cols>", "count", "2")).toBe('<cols count="2">');
  });

  it("does not take an attribute whose name ends like another's for it", () => {
    const tag = '<workbookView activeTab="2" xr:activeTab="3"/>';
    expect(withAttribute(tag, "activeTab", "0")).toBe('<workbookView activeTab="0" xr:activeTab="3"/>');
    expect(withoutAttribute(tag, "activeTab")).toBe('<workbookView xr:activeTab="3"/>');
  });

  it("escapes the values it writes", () => {
    expect(withAttribute("<sheet/>", "name", `A & "B" <C>`)).toBe(
      '<sheet name="A &amp; &quot;B&quot; &lt;C&gt;"/>',
    );
  });

  it("adds a last child after a comment, and opens an empty element to hold one", () => {
    const xml = '<Types><Default Extension="xml"/><!-- </Types> --></Types>';
    expect(insertBeforeClosing(xml, "Types", "<Override/>")).toBe(
      '<Types><Default Extension="xml"/><!-- </Types> --><Override/></Types>',
    );
    expect(insertBeforeClosing("<x:Relationships />", "Relationships", "<x:R/>")).toBe(
      "<x:Relationships><x:R/></x:Relationships>",
    );
  });

  it("splices several edits of one part in one pass, leaving every other byte alone", () => {
    const elements = xmlElements(EXCEL_WORKBOOK);
    const [view] = elementsByName(elements, "workbookView");
    const [, hidden] = elementsByName(elements, "sheet");
    const [sheets] = elementsByName(elements, "sheets");
    const out = splice(EXCEL_WORKBOOK, [
      removal(found(hidden)),
      ...removingAttribute(EXCEL_WORKBOOK, view!, "activeTab"),
      appendingChild(EXCEL_WORKBOOK, sheets!, '<sheet name="New" sheetId="3" r:id="rId3"/>'),
      settingAttribute(EXCEL_WORKBOOK, view!, "firstSheet", "0"),
    ]);
    expect(out).toBe(
      EXCEL_WORKBOOK.replace(' activeTab="2"/>', ' firstSheet="0"/>')
        .replace('<sheet name="A &amp; B" sheetId="2" state="hidden" r:id="rId2"/>', "")
        .replace("</sheets>", '<sheet name="New" sheetId="3" r:id="rId3"/></sheets>'),
    );
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n')).toBe(true);
  });

  it("refuses edits that overlap: a bug in the caller, not a part to write", () => {
    expect(() =>
      splice("<a/>", [
        { start: 0, end: 3, text: "" },
        { start: 1, end: 2, text: "" },
      ]),
    ).toThrow(/overlapping/);
  });
});
