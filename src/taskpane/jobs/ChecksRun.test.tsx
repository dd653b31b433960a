import { renderToStaticMarkup } from "react-dom/server";
import type { CheckReport } from "../../engine/checks/CheckReport";
import { ChecksRun } from "./ChecksRun";

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const ran = (code: string, sheet: string) => ({ code, title: code, sheet, problems: 0 });

describe("the line saying which checks ran", () => {
  it("counts the checks run once a sheet, and offers no details when none was skipped or failed", () => {
    const report: CheckReport = {
      ran: [ran("DATE-INVALID", "Joint Tracker"), ran("DATE-INVALID", "PLO Tracker")],
      skipped: [],
      failed: [],
    };
    const html = renderToStaticMarkup(<ChecksRun report={report} />);
    expect(text(html)).toBe("2 checks ran on 2 sheets, none skipped, none failed.");
    expect(html).not.toContain("<button");
  });

  it("offers details, closed at first, when a check was skipped for a missing column", () => {
    const report: CheckReport = {
      ran: [ran("DATE-INVALID", "Joint Tracker")],
      skipped: [
        {
          code: "JT-DUPLICATE-EPISODE",
          title: "Same child and episode on two rows",
          sheet: "Joint Tracker",
          missingColumns: ["Child ID"],
        },
      ],
      failed: [{ code: "TEST-BROKEN", title: "Broken", sheet: "Joint Tracker" }],
    };
    const html = renderToStaticMarkup(<ChecksRun report={report} />);
    expect(text(html)).toBe("1 check ran on 1 sheet, 1 skipped (a column is missing), 1 failed. Details");
    expect(html).toMatch(/<button[^>]*aria-expanded="false"/);
  });
});
