#!/usr/bin/env node
// The compiled CLI lives in lib/, built by `npm ci` (the `prepare` script). Failing to find it is a
// setup problem, so say how to fix it instead of printing a stack trace.
function load(path) {
  try {
    return require(path);
  } catch (error) {
    if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("lib/cli/")) {
      process.stderr.write(
        "tracker: the command is not built yet: run `npm ci` (or `npm run prepare`) first\n",
      );
      process.exit(2);
    }
    throw error;
  }
}

// On a machine where node's default heap is small, large trackers need more (src/cli/heapLimit.ts
// says why): run the command again, once, with a larger limit and node's own options (a --require
// preload, for one), passing its input, output and exit code straight through. Decided before the
// command itself is loaded, so the re-run costs only a node start-up.
const heap = load("../lib/cli/heapLimit.js");
const heapArguments = heap.heapLimitArguments();
if (heapArguments.length > 0) {
  const { spawnSync } = require("node:child_process");
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, ...heapArguments, process.argv[1], ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, [heap.HEAP_SET_VARIABLE]: "1" },
    },
  );
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
} else {
  load("../lib/cli/main.js").runFromProcess();
}
