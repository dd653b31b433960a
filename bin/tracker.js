#!/usr/bin/env node
// The compiled CLI lives in lib/, built by `npm ci` (the `prepare` script). Failing to find it is a
// setup problem, so say how to fix it instead of printing a stack trace.
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("lib/cli/main.js")) {
    process.stderr.write(
      "tracker: the command is not built yet: run `npm ci` (or `npm run prepare`) first\n",
    );
    process.exit(2);
  }
  throw error;
}
cli.runFromProcess();
