import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { AS_OF, fileHash } from "../support/hostileRun";
import { hostileFolder, writeOrdinaryTracker } from "../support/hostileWorkbooks";

/*
 * The compiled `tracker` command (bin/tracker.js over lib/, built by `npm ci`) run as a user runs it,
 * with a preload that makes every network call throw and shout: children's data never leaves the
 * machine, so every command must work without the network and never try to reach it.
 */
const root = resolve(__dirname, "../..");
const bin = join(root, "bin", "tracker.js");
const preload = join(root, "test", "support", "hostileBlockNetwork.js");
const folder = hostileFolder("network");

function offline(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ["--require", preload, ...args], {
    cwd: folder,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, TZ: "Europe/London" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the CLI with network access blocked", () => {
  it("is built (run `npm ci` or `npm run prepare` first)", () => {
    expect(existsSync(join(root, "lib", "cli", "main.js"))).toBe(true);
  });

  it("really blocks the network: fetch and a socket both fail under the preload", () => {
    const run = offline(["-e", "require('node:net').connect(80, '192.0.2.1')"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/NETWORK-ATTEMPT: net.connect/);
    const fetched = offline(["-e", "fetch('https://example.org')"]);
    expect(fetched.stderr).toMatch(/NETWORK-ATTEMPT: fetch/);
  });

  it("runs check, fix, status, agenda and summary offline without trying the network", async () => {
    const tracker = await writeOrdinaryTracker(join(folder, "tracker.xlsx"));
    const before = fileHash(tracker);
    const lines: [string[], number[]][] = [
      [
        ["check", tracker, "--as-of", AS_OF, "--out", join(folder, "checked.xlsx")],
        [0, 1],
      ],
      [
        ["fix", tracker, "--as-of", AS_OF, "--out", join(folder, "fixed.xlsx")],
        [0, 1, 2],
      ],
      [["status", tracker, "--as-of", AS_OF, "--json"], [0]],
      [
        [
          "agenda",
          tracker,
          "--surgery",
          "joint-tracking",
          "--date",
          AS_OF,
          "--out",
          join(folder, "agenda.xlsx"),
        ],
        [0],
      ],
      [
        ["summary", tracker, "--month", "2024-10", "--as-of", AS_OF, "--out", join(folder, "summary.xlsx")],
        [0],
      ],
      [
        ["workdays", "2024-05-01", "2024-06-03"],
        [0, 2],
      ],
    ];
    for (const [args, codes] of lines) {
      const run = offline([bin, ...args]);
      expect({ args, stderr: run.stderr }).toEqual({
        args,
        stderr: expect.not.stringMatching(/NETWORK-ATTEMPT|internal error/),
      });
      expect({ args, code: codes.includes(run.code ?? -1) ? "expected" : run.code }).toEqual({
        args,
        code: "expected",
      });
    }
    expect(fileHash(tracker)).toBe(before);
  });
});
