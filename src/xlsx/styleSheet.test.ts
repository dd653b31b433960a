import { StyleSheet, isDateFormat } from "./styleSheet";
import { elementsNamed } from "./xmlElements";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A user's styles part: a bold font, a yellow fill, a custom date format and three cell formats. */
const USERS =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="d mmm yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="10"/><name val="Arial"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function section(xml: string, name: string): string {
  return elementsNamed(xml, name)[0]?.text ?? "";
}

describe("the styles part", () => {
  it("appends the formats the add-in needs after the workbook's own, so every index a cell holds stays valid", () => {
    const styles = StyleSheet.read(USERS);
    const header = styles.cellFormat({ bold: true, fill: "DDEBF7", border: true }, false);
    const date = styles.cellFormat(undefined, true);
    expect([header, date]).toEqual([3, 4]);
    const xml = styles.render() ?? "";
    const loaded = elementsNamed(section(USERS, "cellXfs"), "xf").map((e) => e.text);
    const saved = elementsNamed(section(xml, "cellXfs"), "xf").map((e) => e.text);
    expect(saved.slice(0, 3)).toEqual(loaded);
    expect(saved).toHaveLength(5);
    expect(section(xml, "cellXfs")).toMatch(/^<cellXfs count="5">/);
    expect(section(xml, "numFmts")).toContain('<numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>');
    expect(section(xml, "fonts")).toMatch(/^<fonts count="3">/);
    // The added font is the workbook's own (Arial 10), made bold.
    expect(elementsNamed(section(xml, "fonts"), "font")[2]?.text).toBe(
      '<font><b/><sz val="10"/><name val="Arial"/><family val="2"/></font>',
    );
    expect(section(xml, "borders")).toContain('<top style="thin"/>');
    // The parts of the stylesheet the add-in does not need are left as they were.
    expect(section(xml, "cellStyles")).toBe(section(USERS, "cellStyles"));
  });

  it("makes one cell format per style however many cells use it, and reuses a number format the workbook has", () => {
    const styles = StyleSheet.read(USERS);
    const first = styles.cellFormat({ italic: true, numberFormat: "d mmm yyyy" }, false);
    expect(styles.cellFormat({ italic: true, numberFormat: "d mmm yyyy" }, false)).toBe(first);
    expect(styles.cellFormat({ numberFormat: "0%" }, false)).not.toBe(first);
    const xml = styles.render() ?? "";
    expect(section(xml, "numFmts")).toBe(section(USERS, "numFmts"));
    expect(elementsNamed(section(xml, "cellXfs"), "xf")[3]?.text).toMatch(/numFmtId="164"/);
    // 0% is one of Excel's own formats: used by id, not added.
    expect(elementsNamed(section(xml, "cellXfs"), "xf")[4]?.text).toMatch(/numFmtId="9"/);
    expect(styles.cellFormat(undefined, false)).toBe(0);
  });

  it("gives a fixed cell a format of its own: its number format changes, its font and fill stay", () => {
    const styles = StyleSheet.read(USERS);
    const fixed = styles.withNumberFormat(1, "dd/mm/yyyy");
    expect(fixed).toBe(3);
    expect(styles.isDateStyle(fixed)).toBe(true);
    expect(styles.isDateStyle(1)).toBe(false);
    const xf = elementsNamed(section(styles.render() ?? "", "cellXfs"), "xf")[3]?.text ?? "";
    expect(xf).toMatch(/numFmtId="165"/);
    expect(xf).toMatch(/fontId="1" fillId="2"/);
    expect(styles.withNumberFormat(1, "dd/mm/yyyy")).toBe(fixed);
  });

  it("makes a header of a cell's format: bold, wrapped at the top, its number format kept", () => {
    const styles = StyleSheet.read(USERS);
    const header = styles.asHeader(2);
    const xml = styles.render() ?? "";
    const xf = elementsNamed(section(xml, "cellXfs"), "xf")[header]?.text ?? "";
    expect(xf).toMatch(/numFmtId="164"/);
    expect(xf).toContain('<alignment vertical="top" wrapText="1"/>');
    const font = Number(/fontId="(\d+)"/.exec(xf)?.[1]);
    expect(elementsNamed(section(xml, "fonts"), "font")[font]?.text).toBe(
      '<font><b/><sz val="10"/><name val="Arial"/><family val="2"/></font>',
    );
  });

  it("adds differential formats for conditional formats, creating the collection when there is none", () => {
    const styles = StyleSheet.read(USERS);
    expect(styles.differentialFormat("FFC7CE", "9C0006")).toBe(0);
    expect(styles.differentialFormat("FFC7CE", "9C0006")).toBe(0);
    expect(styles.differentialFormat("C6EFCE", "006100")).toBe(1);
    const xml = styles.render() ?? "";
    // CT_Stylesheet's order: dxfs after cellStyles.
    expect(xml.indexOf('<dxfs count="2">')).toBeGreaterThan(xml.indexOf("</cellStyles>"));
    expect(section(xml, "dxfs")).toContain('<bgColor rgb="FFFFC7CE"/>');
  });

  it("writes into a part whose elements carry a namespace prefix with that prefix", () => {
    const prefixed = USERS.replace(/<(\/?)(\w)/g, "<$1x:$2").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    const styles = StyleSheet.read(prefixed);
    expect(styles.isDateStyle(2)).toBe(true);
    styles.cellFormat({ bold: true }, true);
    const xml = styles.render() ?? "";
    expect(xml).toMatch(/<x:numFmt numFmtId="165" formatCode="dd\/mm\/yyyy"\/><\/x:numFmts>/);
    expect(xml).not.toMatch(/<(?!\/?x:|\?xml)/);
  });

  it("counts only real cell formats: one in a comment is not one, and indexes stay those Excel reads", () => {
    const commented = USERS.replace(
      '<cellXfs count="3">',
      '<cellXfs count="3"><!-- <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/> -->',
    );
    const styles = StyleSheet.read(commented);
    expect([0, 1, 2].map((i) => styles.isDateStyle(i))).toEqual([false, false, true]);
    expect(styles.cellFormat(undefined, true)).toBe(3);
    const xml = styles.render() ?? "";
    expect(section(xml, "cellXfs")).toMatch(/^<cellXfs count="4"><!-- <xf numFmtId="14"/);
  });

  it("tells date formats as exceljs did: date letters outside quotes and brackets", () => {
    expect(
      ["dd/mm/yyyy", "d mmm yy", "h:mm", "[$-F800]dddd, mmmm dd, yyyy", "mm-dd-yy"].map(isDateFormat),
    ).toEqual([true, true, true, true, true]);
    expect(["General", "0", '0 "days"', "[Red]0.00", "@", ""].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
