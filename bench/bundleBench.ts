import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleResult {
  /** The scripts the production task pane loads (dist/taskpane.html), Office's own script left out. */
  files: { file: string; rawBytes: number; gzipBytes: number }[];
  rawBytes: number;
  /** Target: under 500 KB gzipped. */
  gzipBytes: number;
  /** Whether this run built dist/ (it was missing) or measured the build already there. */
  built: boolean;
}

/**
 * The production task-pane bundle's size, raw and gzipped (what Office downloads from the add-in's
 * server); builds it with `npm run build` when dist/ has no task pane yet.
 */
export function benchBundle(root: string): BundleResult | { skipped: string } {
  const dist = join(root, "dist");
  const page = join(dist, "taskpane.html");
  let built = false;
  if (!existsSync(page)) {
    const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) return { skipped: "npm run build failed: the bundle was not measured" };
    built = true;
  }
  const html = readFileSync(page, "utf8");
  const local = new Set(readdirSync(dist));
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1] as string)
    .filter((src) => local.has(src));
  const files = scripts.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files,
    rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    built,
  };
}
