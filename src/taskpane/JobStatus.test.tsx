import { renderToStaticMarkup } from "react-dom/server";
import { JobStatus } from "./JobStatus";
import type { JobRunner } from "./useJobRunner";

const idle: JobRunner = {
  running: false,
  progress: undefined,
  error: undefined,
  cancelled: false,
  notes: [],
  run: async () => undefined,
  cancel: () => undefined,
};
const text = (runner: JobRunner): string =>
  renderToStaticMarkup(<JobStatus runner={runner} />)
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

describe("the job status under each view", () => {
  it("shows nothing after a run with nothing to say", () => {
    expect(text(idle)).toBe("");
  });

  it("shows what the user must know of a run that worked, one note as a sentence, several as a list", () => {
    const renamed =
      "A sheet named “Agenda JTM 2026-11-24” is already in the workbook and is not the add-in's, so it was left alone and the new one is called “Agenda JTM 2026-11-24 (2)”.";
    expect(text({ ...idle, notes: [renamed] })).toBe(renamed);
    const html = renderToStaticMarkup(
      <JobStatus runner={{ ...idle, notes: [renamed, "This version of Excel cannot add filters."] }} />,
    );
    expect(html.match(/<li>/g)).toHaveLength(2);
  });

  it("puts an error before any note", () => {
    expect(text({ ...idle, error: "Excel refused the write.", notes: ["a note"] })).toBe(
      "Excel refused the write.",
    );
  });
});
