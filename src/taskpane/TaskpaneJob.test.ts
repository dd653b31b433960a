import { readJobFromQuery } from "./TaskpaneJob";

describe("reading the pane's job from its URL", () => {
  it("opens the deadline calculator when no job is named", () => {
    expect(readJobFromQuery("")).toEqual({ job: "deadline" });
    expect(readJobFromQuery("?job=")).toEqual({ job: "deadline" });
    expect(readJobFromQuery("?other=1")).toEqual({ job: "deadline" });
  });

  it("opens the deadline calculator when asked for it, whatever the case", () => {
    expect(readJobFromQuery("?job=deadline")).toEqual({ job: "deadline" });
    expect(readJobFromQuery("?_host_Info=Excel$Win32$16.01$en-GB&job=Deadline")).toEqual({ job: "deadline" });
  });

  it("falls back with a plain message for a ribbon job this version does not have", () => {
    expect(readJobFromQuery("?job=check")).toEqual({
      job: "deadline",
      notice: "Check data is not in this version of the add-in. Showing the deadline calculator.",
    });
    expect(readJobFromQuery("?job=cases").notice).toMatch(/^My cases is not in this version/);
    expect(readJobFromQuery("?job=agenda").notice).toMatch(/^Agenda is not in this version/);
    expect(readJobFromQuery("?job=summary").notice).toMatch(/^Summary is not in this version/);
  });

  it("falls back with a plain message for a job it does not know, quoting at most 40 characters", () => {
    expect(readJobFromQuery("?job=payroll")).toEqual({
      job: "deadline",
      notice: "The pane has no job called “payroll”. Showing the deadline calculator.",
    });
    expect(readJobFromQuery(`?job=${"x".repeat(100)}`).notice).toContain(`“${"x".repeat(40)}”`);
  });
});
