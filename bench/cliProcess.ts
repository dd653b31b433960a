import { writeFileSync } from "node:fs";
import { runFromProcess } from "../src/cli/main";

/**
 * The `tracker` command as bin/tracker.js runs it, compiled from the same sources as the rest of the
 * benchmark, that also leaves its peak resident memory in the file named by TRACKER_BENCH_RSS_FILE.
 */
const rssFile = process.env.TRACKER_BENCH_RSS_FILE;
if (rssFile) {
  process.on("exit", () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
}
runFromProcess();
