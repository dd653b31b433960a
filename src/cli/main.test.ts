import { main } from "./main";
import { captureIo } from "../../test/support/captureIo";

describe("the tracker command", () => {
  it("lists its subcommands with --help and exits 0", async () => {
    const io = captureIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/workdays\s+count working days/);
  });

  it("gives every subcommand its own --help", async () => {
    const io = captureIo();
    expect(await main(["workdays", "--help"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/^Usage:/);
  });

  it("exits 2 with one line on stderr for an unknown command", async () => {
    const io = captureIo();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/unknown command “frobnicate”/);
  });

  it("exits 2 with one line naming the bad date for an impossible date", async () => {
    const io = captureIo();
    expect(await main(["workdays", "--from", "31/02/2022", "--add", "2"], io)).toBe(2);
    expect(io.stderr).toEqual([
      "tracker workdays: --from: “31/02/2022” is not a valid date: there is no 31 February 2022",
    ]);
  });

  it("adds 20 working days to 27/05/2022 to give 28/06/2022", async () => {
    const io = captureIo();
    expect(await main(["workdays", "--from", "27/05/2022", "--add", "20"], io)).toBe(0);
    expect(io.stdout).toEqual(["28/06/2022"]);
  });

  it("warns when a date lies past the calendar's known bank holidays", async () => {
    const io = captureIo();
    expect(await main(["workdays", "--from", "2031-01-01", "--to", "2031-01-10", "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout[0] as string)).toEqual({
      from: "2031-01-01",
      to: "2031-01-10",
      workingDays: 7,
    });
    expect(io.stderr[0]).toMatch(/^warning: 01\/01\/2031 is outside the years/);
  });
});
