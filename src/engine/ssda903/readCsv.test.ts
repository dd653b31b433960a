import { readCsv } from "./readCsv";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

function table(content: Uint8Array | string) {
  const read = readCsv({ name: "f.csv", content });
  if (read.kind !== "table") throw new Error("expected a table");
  return read.table;
}

describe("readCsv", () => {
  it("reads UTF-8 with a byte-order mark and drops the mark from the first header", () => {
    const t = table(
      Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("CHILD,DOB\r\nÉ1,01/02/2015\r\n", "utf8")]),
    );
    expect(t.encoding).toBe("utf-8");
    expect(t.header.fields).toEqual(["CHILD", "DOB"]);
    expect(t.rows).toEqual([{ line: 2, fields: ["É1", "01/02/2015"] }]);
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, curly quotes and accents included", () => {
    const t = table(bytes("CHILD,NOTE\n", "A1,", [0x93], "Zo", [0xeb], [0x94], "\n"));
    expect(t.encoding).toBe("windows-1252");
    expect(t.rows[0]?.fields).toEqual(["A1", "\u201cZoë\u201d"]);
  });

  it("detects semicolon and tab separators from the header row", () => {
    expect(table("CHILD;DECOM;REC\nA;01/02/2020;X1\n").rows[0]?.fields).toEqual(["A", "01/02/2020", "X1"]);
    const tabbed = table("CHILD\tDECOM\nA\t01/02/2020\n");
    expect(tabbed.separator).toBe("\t");
    expect(tabbed.rows[0]?.fields).toEqual(["A", "01/02/2020"]);
  });

  it("reads quoted fields with separators, doubled quotes and line breaks, keeping line numbers right", () => {
    const t = table('CHILD,NOTE,DOB\n"A,1","said ""no""\nthen yes",01/01/2010\nB,x,02/02/2011\n');
    expect(t.rows).toEqual([
      { line: 2, fields: ["A,1", 'said "no"\nthen yes', "01/01/2010"] },
      { line: 4, fields: ["B", "x", "02/02/2011"] },
    ]);
  });

  it("skips blank lines and lines of empty fields but counts them", () => {
    const t = table("\n\nCHILD,DOB\n\n,\nA,01/01/2010");
    expect(t.header.line).toBe(3);
    expect(t.rows).toEqual([{ line: 6, fields: ["A", "01/01/2010"] }]);
  });

  it("calls a file of nothing, or of blank lines, empty", () => {
    expect(readCsv({ name: "e.csv", content: new Uint8Array() })).toEqual({ kind: "empty", file: "e.csv" });
    expect(readCsv({ name: "e.csv", content: "\r\n  \r\n" })).toEqual({ kind: "empty", file: "e.csv" });
  });
});
