import { insertDrawingElement } from "./worksheetElements";

const ROOT =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

describe("insertDrawingElement", () => {
  it("puts <drawing> after pageSetup and headerFooter and before tableParts and extLst", () => {
    const xml =
      `${ROOT}<sheetData><row r="1"/></sheetData><pageMargins/><pageSetup/><headerFooter/>` +
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst/></worksheet>';
    expect(insertDrawingElement(xml, "rId2")).toBe(
      `${ROOT}<sheetData><row r="1"/></sheetData><pageMargins/><pageSetup/><headerFooter/>` +
        '<drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst/></worksheet>',
    );
  });

  it("skips the extLst inside a conditional format's rule, which is not the worksheet's own", () => {
    const xml =
      `${ROOT}<sheetData/><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1">` +
      "<formula>1</formula><extLst><ext/></extLst></cfRule></conditionalFormatting>" +
      '<pageMargins left="0.7"/><legacyDrawing r:id="rId1"/></worksheet>';
    const result = insertDrawingElement(xml, "rId3");
    expect(result.indexOf('<drawing r:id="rId3"/>')).toBe(result.indexOf("<legacyDrawing") - 22);
    expect(result.indexOf("<drawing")).toBeGreaterThan(result.indexOf("<pageMargins"));
  });

  it("is not fooled by a comment that names a later element, as Excel or a tool may leave one", () => {
    const xml =
      `${ROOT}<sheetData/><!-- <tableParts count="1"/> --><pageMargins/><headerFooter/>` +
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
    expect(insertDrawingElement(xml, "rId2")).toBe(
      `${ROOT}<sheetData/><!-- <tableParts count="1"/> --><pageMargins/><headerFooter/>` +
        '<drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
    );
  });

  it("closes the worksheet with it when nothing has to follow, and binds the r prefix if missing", () => {
    const bare =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(insertDrawingElement(bare, "rId1")).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><drawing r:id="rId1"/></worksheet>',
    );
  });
});
