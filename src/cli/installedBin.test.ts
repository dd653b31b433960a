import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "./main";
import { captureIo } from "../../test/support/captureIo";

describe("the installed bin/tracker.js", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "tracker.js");
  beforeAll(() => {
    // The bin runs the compiled CLI from lib/, which `npm ci` builds through `prepare`.
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], {
      cwd: path.join(__dirname, "..", ".."),
      stdio: "ignore",
    });
  });

  it("runs as a program and never prints a stack trace for a user's mistake", () => {
    const result = spawnSync(process.execPath, [bin, "workdays", "--from", "not a date", "--add", "1"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("stops quietly when the reader closes the pipe early (tracker … | head)", async () => {
    // The summary prints many lines one by one; `head -1` closes the pipe after the first.
    const dir = mkdtempSync(path.join(tmpdir(), "pipe-"));
    const input = path.join(dir, "t.xlsx");
    expect(await main(["sample", "--rows", "60", "--as-of", "2026-11-24", "--out", input], captureIo())).toBe(
      0,
    );
    const command = `node "${bin}" summary "${input}" --month 2026-10 --as-of 2026-11-24 | head -1 >/dev/null`;
    const result = spawnSync("bash", ["-c", `${command}; echo "\${PIPESTATUS[0]}"`], { encoding: "utf8" });
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(result.stdout.trim()).toBe("0");
  });
});
