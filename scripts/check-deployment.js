#!/usr/bin/env node
/**
 * Checks a built add-in before an IT team deploys it: that dist/manifest.xml points at the address
 * dist/ will be served from, and that everything it names is in dist/. Offline: it reads files only.
 *
 *   node scripts/check-deployment.js <hosting URL> [dist/] [--previous <version>]
 *   npm run check-deployment -- https://addins.example.gov.uk/tracker/ --previous 0.1.0.0
 *
 * It fails (one line per problem on stderr, exit 1) when:
 *  - the manifest is not a valid add-in manifest (scripts/validate-manifest.js);
 *  - any URL in it is not under the hosting URL (a development https://localhost:3000 address left
 *    in, the build's placeholder, or a build made for another address);
 *  - a URL under the hosting URL names a file that is not in dist/ (the pane, the ribbon's function
 *    file, the support page, an icon);
 *  - the pane's page loads a script or stylesheet that is not in dist/;
 *  - with --previous, the manifest's <Version> is not higher than the version already deployed:
 *    Office only takes up a changed manifest whose version has been raised.
 * Exit status: 0 ready to deploy, 1 problems, 2 cannot run.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { validateManifest, readTags } = require("./validate-manifest");

const PLACEHOLDER = "https://www.contoso.com/";

/** "1.2.0.0" as numbers; undefined when it is not a version of one to four numbers. */
function versionParts(text) {
  if (!/^\d+(\.\d+){0,3}$/.test(text)) return undefined;
  const parts = text.split(".").map(Number);
  while (parts.length < 4) parts.push(0);
  return parts;
}

function isHigher(version, previous) {
  for (let i = 0; i < 4; i++) if (version[i] !== previous[i]) return version[i] > previous[i];
  return false;
}

/** The problems with deploying `distDir` at `hostingUrl`; `previous` is the version deployed now. */
function checkDeployment(hostingUrl, distDir, previous) {
  let base;
  try {
    base = new URL(hostingUrl.endsWith("/") ? hostingUrl : `${hostingUrl}/`);
  } catch {
    return {
      cannotRun: `"${hostingUrl}" is not a URL; expected e.g. https://addins.example.gov.uk/tracker/`,
    };
  }
  const manifestPath = path.join(distDir, "manifest.xml");
  if (!fs.existsSync(manifestPath))
    return { cannotRun: `${manifestPath} does not exist: run npm run build first` };
  const problems = [];
  if (base.protocol !== "https:") problems.push(`${base.href}: Office loads add-ins over https only`);
  if (base.href.startsWith(PLACEHOLDER))
    problems.push(`${base.href} is the build's placeholder address, not yours`);

  const validation = validateManifest(manifestPath);
  if (validation.cannotRun !== undefined) return { cannotRun: validation.cannotRun };
  if (!validation.ok) problems.push(...validation.problems);

  const xml = fs.readFileSync(manifestPath, "utf8");
  const tags = readTags(xml);
  for (const tag of tags) {
    const value = tag.attributes.DefaultValue ?? tag.attributes.Value;
    if (value === undefined || !/^[a-z]+:\/\//i.test(value)) continue;
    const where = `${manifestPath}:${tag.line}`;
    if (!value.startsWith(base.href)) {
      problems.push(`${where}: ${value} is not under ${base.href}: build with ADDIN_PROD_URL=${base.href}`);
      continue;
    }
    const file = decodeURIComponent(new URL(value).pathname.slice(base.pathname.length));
    if (!fs.existsSync(path.join(distDir, file)))
      problems.push(`${where}: ${value} is not in ${distDir} (${file})`);
  }

  // What the pane's page loads must be there too: the bundles' names change with their content.
  const pane = path.join(distDir, "taskpane.html");
  if (fs.existsSync(pane)) {
    const html = fs.readFileSync(pane, "utf8");
    // A production page is minified: its attribute values may be quoted or not.
    for (const match of html.matchAll(
      /<(?:script|link)\b[^>]*?\b(?:src|href)=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g,
    )) {
      const reference = match[1] ?? match[2] ?? match[3] ?? "";
      if (/^[a-z]+:\/\//i.test(reference)) continue; // Office's own script, from Office's address
      if (!fs.existsSync(path.join(distDir, reference.replace(/^\.?\//, "")))) {
        problems.push(`${pane}: loads ${reference}, which is not in ${distDir}`);
      }
    }
  }

  const version = tags.find((t) => t.name === "Version")?.text?.trim() ?? "";
  if (previous !== undefined) {
    const now = versionParts(version);
    const before = versionParts(previous);
    if (!before) return { cannotRun: `--previous "${previous}" is not a version such as 1.0.0.0` };
    if (!now || !isHigher(now, before)) {
      problems.push(
        `${manifestPath}: <Version> ${version} is not higher than the deployed ${previous}: raise it in manifest.xml, or Office keeps the old manifest`,
      );
    }
  }
  return { problems, version };
}

function main(args) {
  const previousAt = args.indexOf("--previous");
  const previous = previousAt >= 0 ? args[previousAt + 1] : undefined;
  const rest = previousAt >= 0 ? [...args.slice(0, previousAt), ...args.slice(previousAt + 2)] : args;
  if (rest.length < 1 || rest.length > 2 || (previousAt >= 0 && previous === undefined)) {
    process.stderr.write(
      "usage: node scripts/check-deployment.js <hosting URL> [dist/] [--previous <version>]\n",
    );
    return 2;
  }
  const [hostingUrl, distDir = "dist"] = rest;
  const result = checkDeployment(hostingUrl, distDir, previous);
  if (result.cannotRun !== undefined) {
    process.stderr.write(`cannot check: ${result.cannotRun}\n`);
    return 2;
  }
  if (result.problems.length > 0) {
    for (const problem of result.problems) process.stderr.write(`${problem}\n`);
    process.stderr.write(
      `${distDir} is not ready to deploy at ${hostingUrl}: ${result.problems.length} problem(s)\n`,
    );
    return 1;
  }
  process.stdout.write(
    `${distDir} (manifest version ${result.version}) is ready to deploy at ${hostingUrl}\n`,
  );
  return 0;
}

module.exports = { checkDeployment };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
