#!/usr/bin/env node
// `npm run demo`: the main job on the built-in sample. Makes a realistic messy tracker, checks it,
// applies the safe fixes, refreshes it from the case system's SSDA903 extract, lists what is overdue, writes an agenda for every surgery type and this
// month's summary, all into one workbook, demo/tracker-demo.xlsx, with the compiled CLI (lib/, built
// by `npm ci` through `prepare`). Each step reads the previous step's copy and writes a new one (the
// CLI never changes its input), and the last copy becomes tracker-demo.xlsx. demo/ is git-ignored.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const demo = path.join(root, "demo");
const rel = (file) => path.relative(root, path.join(demo, file));
const today = new Date();
const pad = (n) => String(n).padStart(2, "0");
const isoToday = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
const month = `${today.getFullYear()}-${pad(today.getMonth() + 1)}`;
// Long listings (1,000 children) are cut on screen: the workbook holds everything.
const SHOWN_LINES = 18;

const SURGERIES = [
  "joint-tracking",
  "plo",
  "recruitment",
  "fostering-support",
  "family-finding",
  "connected-persons",
];

// The steps, in order. `writes`: the step takes the current workbook and writes the next copy.
// `exits`: expected exit codes (1 = the workbook has problems, which the messy sample is meant to have).
const STEPS = [
  {
    command: "check",
    about: "list the data-quality problems and write them to a Data quality sheet",
    args: [],
    writes: true,
    exits: [0, 1],
  },
  {
    command: "fix",
    about: "apply the safe fixes (text dates, spaces, worker names) and log every change",
    args: [],
    writes: true,
    exits: [0, 1],
  },
  {
    command: "refresh",
    about: "refresh the tracker from the case system's SSDA903 extract (no double entry)",
    args: ["--from", rel("ssda903")],
    writes: true,
    exits: [0, 1],
  },
  {
    command: "status",
    about: "what is overdue and due soon, worker by worker",
    args: [],
    writes: false,
    exits: [0, 1],
  },
  ...SURGERIES.map((surgery) => ({
    command: "agenda",
    about: `write the ${surgery} surgery agenda for today`,
    // A family-finding surgery goes through every child still waiting for a family, due or not.
    args: ["--surgery", surgery, "--date", isoToday, ...(surgery === "family-finding" ? ["--all"] : [])],
    writes: true,
    exits: [0],
  })),
  {
    command: "summary",
    about: `write the monthly summary for ${month}`,
    args: ["--month", month],
    writes: true,
    exits: [0],
  },
];

function loadCommands() {
  try {
    return require(path.join(root, "lib", "cli", "cliCommands.js")).cliCommands.map((c) => c.name);
  } catch (error) {
    if (error && error.code === "MODULE_NOT_FOUND") {
      process.stderr.write(
        "demo: the tracker command is not built yet: run `npm ci` (or `npm run prepare`) first\n",
      );
      process.exit(2);
    }
    throw error;
  }
}

// What the last command printed, for the closing note.
let lastOutput = "";

function run(args) {
  const bin = path.join(root, "bin", "tracker.js");
  console.log(`$ tracker ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  const lines = `${result.stdout}${result.stderr}`.trimEnd().split("\n");
  for (const line of lines.slice(0, SHOWN_LINES)) console.log(`  ${line}`);
  if (lines.length > SHOWN_LINES) console.log(`  … ${lines.length - SHOWN_LINES} more lines`);
  lastOutput = lines.join("\n");
  return result.status;
}

function main() {
  const available = new Set(loadCommands());
  fs.rmSync(demo, { recursive: true, force: true });
  fs.mkdirSync(demo, { recursive: true });

  console.log("\n— write a sample tracker of 1,000 invented children, with the problems real trackers have");
  let current = rel("tracker-sample.xlsx");
  const sample = ["sample", "--out", current, "--planted", rel("planted-problems.json")];
  // The case system's extract for the same children, with the differences real systems show.
  if (available.has("refresh")) sample.push("--903", rel("ssda903"));
  if (run(sample) !== 0) {
    console.error("demo: tracker sample failed");
    process.exit(1);
  }

  let failed = 0;
  let step = 0;
  let familyFindingAgenda = "";
  for (const { command, about, args, writes, exits } of STEPS) {
    if (!available.has(command)) {
      console.log(`\n— tracker ${command}: not available in this build (skipped)`);
      continue;
    }
    console.log(`\n— ${about}`);
    const next = rel(`step-${++step}.xlsx`);
    const status = run([command, current, ...args, ...(writes ? ["--out", next] : [])]);
    if (status === null || !exits.includes(status)) {
      console.error(`demo: tracker ${command} failed (exit ${status})`);
      failed++;
      continue;
    }
    if (writes) current = next;
    if (args.includes("family-finding")) familyFindingAgenda = lastOutput.trim();
  }

  const result = rel("tracker-demo.xlsx");
  fs.copyFileSync(path.join(root, current), path.join(root, result));
  for (const file of fs.readdirSync(demo))
    if (/^step-\d+\.xlsx$/.test(file)) fs.rmSync(path.join(demo, file));
  console.log(`\nThe result: ${result} (the sample as made: ${rel("tracker-sample.xlsx")}).`);
  closingNote(result, familyFindingAgenda);
  process.exitCode = failed > 0 ? 1 : 0;
}

/** What the family-finding agenda and the summary's adoption scorecard show, read back from the result. */
function closingNote(result, familyFindingAgenda) {
  if (familyFindingAgenda !== "")
    console.log(
      `The family-finding agenda: ${familyFindingAgenda.replace(/^Wrote /, "").replace(/ in \S+\.xlsx/, ` in ${result}`)} Each finder's adoption and long-term fostering cases are in blocks of their own; the date looked after comes from the Joint Tracker.`,
    );
  if (!loadCommands().includes("summary")) return;
  const bin = path.join(root, "bin", "tracker.js");
  const out = spawnSync(process.execPath, [bin, "summary", result, "--month", month, "--json"], {
    cwd: root,
    encoding: "utf8",
  });
  if (out.status !== 0) return;
  const { adoptionScorecard: a, matchingWorkingDays: m } = JSON.parse(out.stdout);
  if (!a) return;
  const days = (x) => (x.averageDays === null ? "–" : `${x.averageDays} days (${x.children})`);
  const t = a.twelveMonths;
  console.log(
    `Its summary's adoption scorecard, 12 months to ${month}: A1 ${days(t.a1)} against ${a.thresholds.a1Days}, ` +
      `A2 ${days(t.a2)} against ${a.thresholds.a2Days}, A10 ${days(t.a10)}; ${a.waiting.children} children ` +
      `waiting for a match (longest ${a.waiting.longestWaitDays ?? "–"} days); matching medians ` +
      `${m.blaToIroEndorsement.median ?? "–"}, ${m.endorsementToPanel.median ?? "–"} and ${m.panelToAdm.median ?? "–"} working days ` +
      `(BLA to IRO endorsement, to panel, to the ADM); a chart of A1 and A2 by quarter against their thresholds.`,
  );
}

main();
