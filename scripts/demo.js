#!/usr/bin/env node
// `npm run demo`: writes a sample tracker and runs every tracker command on it with the compiled CLI
// (lib/, built by `npm ci` through `prepare`). A step whose command is not registered yet is skipped
// with a note, so the demo grows as commands are added. Output goes to demo/ (git-ignored).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const demo = path.join(root, "demo");
const rel = (file) => path.relative(root, path.join(demo, file));
const today = new Date();
const isoToday = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
const month = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;

// The steps, in order. `exits` lists the exit codes that are expected (1 = the workbook has problems,
// which the messy sample is meant to have).
const STEPS = [
  {
    command: "sample",
    about: "write a sample tracker of 1,000 invented children, with the problems real trackers have",
    args: ["--out", rel("tracker-demo.xlsx"), "--planted", rel("planted-problems.json")],
    exits: [0],
  },
  {
    command: "check",
    about: "list the data-quality problems and write them to a Data quality sheet",
    args: [rel("tracker-demo.xlsx"), "--out", rel("tracker-checked.xlsx")],
    exits: [0, 1],
  },
  {
    command: "fix",
    about: "apply the safe fixes to a copy and log every change",
    args: [rel("tracker-demo.xlsx"), "--out", rel("tracker-fixed.xlsx")],
    exits: [0, 1],
  },
  {
    command: "status",
    about: "what is overdue and due soon, worker by worker",
    args: [rel("tracker-fixed.xlsx")],
    exits: [0, 1],
    fallbackInput: rel("tracker-demo.xlsx"),
  },
  {
    command: "agenda",
    about: "write a joint tracking surgery agenda",
    args: [
      rel("tracker-fixed.xlsx"),
      "--surgery",
      "joint-tracking",
      "--date",
      isoToday,
      "--out",
      rel("tracker-agenda.xlsx"),
    ],
    exits: [0, 1],
    fallbackInput: rel("tracker-demo.xlsx"),
  },
  {
    command: "summary",
    about: `write the monthly summary for ${month}`,
    args: [rel("tracker-fixed.xlsx"), "--month", month, "--out", rel("tracker-summary.xlsx")],
    exits: [0, 1],
    fallbackInput: rel("tracker-demo.xlsx"),
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

function main() {
  const available = new Set(loadCommands());
  fs.mkdirSync(demo, { recursive: true });
  const bin = path.join(root, "bin", "tracker.js");
  const written = [];
  let failed = 0;
  for (const step of STEPS) {
    if (!available.has(step.command)) {
      console.log(`\n— tracker ${step.command}: not available yet (skipped)`);
      continue;
    }
    // A later step reads the fixed copy when the fix step ran, else the sample itself.
    const args = step.args.map((a) =>
      a === rel("tracker-fixed.xlsx") && step.fallbackInput && !fs.existsSync(path.join(root, a))
        ? step.fallbackInput
        : a,
    );
    console.log(`\n— ${step.about}\n$ tracker ${step.command} ${args.join(" ")}`);
    const result = spawnSync(process.execPath, [bin, step.command, ...args], { cwd: root, stdio: "inherit" });
    if (result.status === null || !step.exits.includes(result.status)) {
      console.error(`demo: tracker ${step.command} failed (exit ${result.status ?? result.signal})`);
      failed++;
      continue;
    }
    const outIndex = args.indexOf("--out");
    if (outIndex >= 0) written.push(args[outIndex + 1]);
  }
  console.log(`\nThe demo's workbooks are in ${path.relative(process.cwd(), demo) || "."}/:`);
  for (const file of written) console.log(`  ${file}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
