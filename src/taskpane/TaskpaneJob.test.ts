import { readJobFromQuery } from "./TaskpaneJob";

describe("reading the pane's job from its URL", () => {
  it("opens Check data when no job is named", () => {
    expect(readJobFromQuery("")).toEqual({ job: "check" });
    expect(readJobFromQuery("?job=")).toEqual({ job: "check" });
    expect(readJobFromQuery("?other=1")).toEqual({ job: "check" });
  });

  it("opens each ribbon button's job, whatever the case", () => {
    expect(readJobFromQuery("?job=deadline")).toEqual({ job: "deadline" });
    expect(readJobFromQuery("?_host_Info=Excel$Win32$16.01$en-GB&job=Agenda")).toEqual({ job: "agenda" });
    for (const job of ["check", "cases", "summary", "settings"])
      expect(readJobFromQuery(`?job=${job}`)).toEqual({ job });
  });

  it("falls back with a plain message for a job it does not know, quoting at most 40 characters", () => {
    expect(readJobFromQuery("?job=payroll")).toEqual({
      job: "check",
      notice: "The pane has no job called “payroll”. Showing Check data.",
    });
    expect(readJobFromQuery(`?job=${"x".repeat(100)}`).notice).toContain(`“${"x".repeat(40)}”`);
  });
});
