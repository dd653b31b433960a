import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleResult {
  /** The scripts the production task pane loads (dist/taskpane.html), Office's own script left out. */
  files: { file: string; rawBytes: number; gzipBytes: number }[];
  rawBytes: number;
  /** Target: under 500 KB gzipped. */
  gzipBytes: number;
  /** Whether this run built dist/ (missing or older than the sources) or measured the build there. */
  built: boolean;
}

/** What the production build is made from: a change to any of them makes dist/ out of date. */
const BUILD_INPUTS = [
  "src",
  "assets",
  "package.json",
  "package-lock.json",
  "webpack.config.js",
  "tsconfig.json",
];

/**
 * The production task-pane bundle's size, raw and gzipped (what Office downloads from the add-in's
 * server); builds it with `npm run build` when dist/ has no task pane yet or is older than a source,
 * so a figure is never of a stale bundle.
 */
export function benchBundle(root: string): BundleResult | { skipped: string } {
  const dist = join(root, "dist");
  const page = join(dist, "taskpane.html");
  let built = false;
  if (!existsSync(page) || statSync(page).mtimeMs < newestModified(BUILD_INPUTS.map((p) => join(root, p)))) {
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

/** The latest modification time of these files and everything below these folders (0 if none). */
export function newestModified(paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const below = readdirSync(path).map((name) => join(path, name));
      newest = Math.max(newest, stat.mtimeMs, newestModified(below));
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}
