import { SaxesParser } from "saxes";
import { runsOf } from "../../test/support/modelRuns";
import type { ChartModel, SheetModel } from "../engine/port/SheetModel";
import { chartDataOf } from "./nativeChartsData";
import { chartSpaceXml } from "./nativeChartsXml";

/** A share before and after, with the distances down and up to each one's 95% interval beside it. */
const sheet: SheetModel = {
  name: "Compare 2025-01–06 v 2025-07–12",
  purpose: "comparison",
  runs: runsOf([
    { row: 1, column: 1, value: "1st PPM" },
    { row: 1, column: 2, value: "On time" },
    { row: 2, column: 1, value: "Before" },
    { row: 2, column: 2, value: 0.12, style: { numberFormat: "0%" } },
    { row: 2, column: 3, value: 0.06 },
    { row: 2, column: 4, value: 0.11 },
    { row: 3, column: 1, value: "After" },
    { row: 3, column: 2, value: 0.33, style: { numberFormat: "0%" } },
    { row: 3, column: 3, value: 0.1 },
    { row: 3, column: 4, value: 0.12 },
  ]),
};
const chart: ChartModel = {
  type: "columnClustered",
  title: "1st PPM: on time, with 95% interval",
  dataRange: "A1:B3",
  anchor: { from: "A5", to: "H20" },
  errorBars: { minus: "C2:C3", plus: "D2:D3" },
};

function xmlOf(model: ChartModel): string {
  const data = chartDataOf(sheet, model);
  if (!data.ok) throw new Error(data.reason);
  return chartSpaceXml(model, data.data);
}

describe("custom error bars on a native chart", () => {
  it("draws the interval from the sheet's cells, with their values cached, on the one series", () => {
    const xml = xmlOf(chart);
    expect(xml).toContain(
      '<c:errBars><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>' +
        "<c:plus><c:numRef><c:f>&apos;Compare 2025-01–06 v 2025-07–12&apos;!$D$2:$D$3</c:f><c:numCache><c:formatCode>General</c:formatCode>" +
        '<c:ptCount val="2"/><c:pt idx="0"><c:v>0.11</c:v></c:pt><c:pt idx="1"><c:v>0.12</c:v></c:pt></c:numCache></c:numRef></c:plus>' +
        "<c:minus><c:numRef><c:f>&apos;Compare 2025-01–06 v 2025-07–12&apos;!$C$2:$C$3</c:f>",
    );
    expect(xml.match(/<c:errBars>/g)).toHaveLength(1);
  });

  it("puts the error bars where CT_BarSer wants them: after invertIfNegative, before the categories", () => {
    const xml = xmlOf(chart);
    const at = (tag: string): number => xml.indexOf(tag);
    expect(at("<c:invertIfNegative")).toBeLessThan(at("<c:errBars>"));
    expect(at("</c:errBars>")).toBeLessThan(at("<c:cat>"));
    const parser = new SaxesParser();
    expect(() => parser.write(xml).close()).not.toThrow();
  });

  it("draws no error bars when the model asks for none", () => {
    expect(xmlOf({ ...chart, errorBars: undefined } as ChartModel)).not.toContain("errBars");
  });

  it("refuses error bars that are not one cell per category, rather than drawing a guess", () => {
    const data = chartDataOf(sheet, { ...chart, errorBars: { minus: "C2:C2", plus: "D2:D3" } });
    expect(data).toEqual({
      ok: false,
      reason: "its error bars C2:C2 and D2:D3 are not one column each, a cell per category",
    });
  });
});
