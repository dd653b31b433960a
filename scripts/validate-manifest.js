#!/usr/bin/env node
/**
 * Validates an Office add-in XML manifest offline.
 *
 *   node scripts/validate-manifest.js manifest.xml        (npm run validate)
 *   node scripts/validate-manifest.js dist/manifest.xml   (after npm run build)
 *
 * 1. The schema: `xmllint --schema` against the 2019 XSDs in manifest-schemas/ (no network: --nonet,
 *    and every xs:import there is a relative file name). They know VersionOverrides V1_0 only.
 * 2. What the schema cannot say (its URL type is any URI and it has no key references), but Office
 *    or AppSource reject, or our privacy rules forbid:
 *    - every URL is https;
 *    - every resource URL has the origin of the pane's SourceLocation (children's data never leaves
 *      the workbook: no third-party host serves any part of the add-in), and AppDomains add no other;
 *    - every resid names a resource that exists, and no resource id is defined twice;
 *    - every icon under the manifest's own origin exists beside the manifest (…/assets/x.png is
 *      assets/x.png next to it) as a PNG of the size the manifest declares.
 *
 * Exit status: 0 valid, 1 the manifest has problems (one line each on stderr), 2 cannot run.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const SCHEMA_DIR = path.join(__dirname, "..", "manifest-schemas");
const ENTRY_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** Elements whose DefaultValue (and Override Value) is a URL. */
const URL_ELEMENTS = new Set([
  "SourceLocation",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Url",
  "Image",
]);
/** Elements whose DefaultValue is a resource: the targets of resid. */
const RESOURCE_ELEMENTS = new Set(["Image", "Url", "String"]);

/**
 * The tags of an XML document, start and empty ones, with their local name, attributes and line.
 * Enough for a manifest that has passed the schema: comments and CDATA are blanked first.
 */
function readTags(xml) {
  const blanked = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, " "));
  const tags = [];
  const tagPattern =
    /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
  let match;
  while ((match = tagPattern.exec(blanked)) !== null) {
    const attributes = {};
    const attributePattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    let a;
    while ((a = attributePattern.exec(match[3])) !== null) attributes[a[1]] = unescapeXml(a[2] ?? a[3]);
    const line = blanked.slice(0, match.index).split("\n").length;
    const end = blanked.indexOf("<", match.index + match[0].length);
    const text = match[0].endsWith("/>")
      ? ""
      : unescapeXml(blanked.slice(match.index + match[0].length, end)).trim();
    tags.push({ name: match[2], attributes, line, text });
  }
  return tags;
}

function unescapeXml(text) {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The schema check: xmllint's own messages, one per problem, or why it could not run. */
function checkSchema(manifestPath, schemaDir) {
  const run = spawnSync(
    "xmllint",
    ["--noout", "--nonet", "--schema", path.join(schemaDir, ENTRY_SCHEMA), manifestPath],
    {
      encoding: "utf8",
    },
  );
  if (run.error) {
    return {
      cannotRun: "xmllint was not found: install libxml2-utils (Debian/Ubuntu) or libxml2 (macOS has it)",
    };
  }
  if (run.status === 0) return { problems: [] };
  if (run.status === 5)
    return { cannotRun: `the schemas in ${schemaDir} do not compile: ${firstLine(run.stderr)}` };
  const problems = run.stderr
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/ fails to validate$/.test(line))
    .map((line) =>
      line.replace(/^(.*?):(\d+): (?:element \S+: )?(?:Schemas validity error|parser error) : /, "$1:$2: "),
    );
  return { problems: problems.length > 0 ? problems : [`${manifestPath}: xmllint exit ${run.status}`] };
}

function firstLine(text) {
  return (text.split("\n").find((line) => line.trim() !== "") ?? "").trim();
}

/** The URL's origin and path, or undefined when it is not an absolute URL. */
function parseUrl(text) {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  if (bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The checks the schema cannot make; each message starts with the file and line. */
function checkReferences(manifestPath, xml) {
  const tags = readTags(xml);
  const problems = [];
  const at = (tag, message) => problems.push(`${manifestPath}:${tag.line}: ${message}`);

  const pane = tags.find((t) => t.name === "SourceLocation" && t.attributes.DefaultValue !== undefined);
  const paneUrl = pane && parseUrl(pane.attributes.DefaultValue);
  // The add-in's origin, always https: an http SourceLocation is reported once, as not https, rather
  // than making every other (https) resource look like another origin.
  const origin = paneUrl ? `https://${paneUrl.host}` : undefined;
  // The base under which the add-in's files sit: the folder of the pane's page.
  const base = paneUrl ? new URL(".", `${origin}${paneUrl.pathname}`).href : undefined;

  const resources = new Map();
  for (const tag of tags) {
    if (
      RESOURCE_ELEMENTS.has(tag.name) &&
      tag.attributes.id !== undefined &&
      tag.attributes.DefaultValue !== undefined
    ) {
      if (resources.has(tag.attributes.id)) at(tag, `resource id "${tag.attributes.id}" is defined twice`);
      resources.set(tag.attributes.id, tag);
    }
  }

  for (const tag of tags) {
    const urls = [];
    if (URL_ELEMENTS.has(tag.name) && tag.attributes.DefaultValue !== undefined)
      urls.push(tag.attributes.DefaultValue);
    // Locale overrides of a URL (strings have overrides too, but never a scheme).
    if (tag.name === "Override" && /^[a-z][a-z0-9+.-]*:/i.test(tag.attributes.Value ?? ""))
      urls.push(tag.attributes.Value);
    for (const text of urls) {
      const url = parseUrl(text);
      if (!url) {
        at(tag, `<${tag.name}> "${text}" is not an absolute URL`);
      } else if (url.protocol !== "https:") {
        at(tag, `<${tag.name}> "${text}" is not https: Office loads add-in pages and icons over https only`);
      } else if (origin !== undefined && url.origin !== origin) {
        at(
          tag,
          `<${tag.name}> "${text}" is not on the add-in's origin ${origin}: every resource must come from it`,
        );
      }
    }
    if (tag.name === "AppDomain") {
      const url = parseUrl(tag.text);
      if (!url || url.origin !== origin) {
        at(
          tag,
          `<AppDomain> "${tag.text}" is another origin: the add-in must not navigate to any site but ${origin}`,
        );
      }
    }
    if (tag.attributes.resid !== undefined && !resources.has(tag.attributes.resid)) {
      at(tag, `resid "${tag.attributes.resid}" on <${tag.name}> names no bt:Image, bt:Url or bt:String`);
    }
  }

  if (base !== undefined) {
    const expectations = [];
    const icon = (name, size) => {
      const tag = tags.find((t) => t.name === name);
      if (tag?.attributes.DefaultValue !== undefined)
        expectations.push({ tag, url: tag.attributes.DefaultValue, size });
    };
    icon("IconUrl", 32);
    icon("HighResolutionIconUrl", 64);
    for (const tag of tags) {
      if (tag.name === "Image" && tag.attributes.size !== undefined && resources.has(tag.attributes.resid)) {
        const image = resources.get(tag.attributes.resid);
        expectations.push({ tag, url: image.attributes.DefaultValue, size: Number(tag.attributes.size) });
      }
    }
    for (const { tag, url, size } of expectations) {
      if (!url.startsWith(base)) continue; // reported above as another origin
      const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
      const file = path.join(path.dirname(manifestPath), relative);
      if (!fs.existsSync(file)) {
        at(tag, `icon ${url} does not exist: expected the file ${relative} beside the manifest`);
        continue;
      }
      const actual = pngSize(fs.readFileSync(file));
      if (!actual) at(tag, `icon ${relative} is not a PNG file`);
      else if (actual.width !== size || actual.height !== size) {
        at(
          tag,
          `icon ${relative} is ${actual.width}×${actual.height} pixels; the manifest needs ${size}×${size}`,
        );
      }
    }
  }
  return problems;
}

/**
 * Validates a manifest file.
 * @param {string} manifestPath
 * @param {{ schemaDir?: string }} [options]
 * @returns {{ ok: true } | { ok: false, problems: string[] } | { ok: false, cannotRun: string }}
 */
function validateManifest(manifestPath, options = {}) {
  const schemaDir = options.schemaDir ?? SCHEMA_DIR;
  if (!fs.existsSync(manifestPath)) return { ok: false, cannotRun: `${manifestPath} does not exist` };
  const schema = checkSchema(manifestPath, schemaDir);
  if (schema.cannotRun) return { ok: false, cannotRun: schema.cannotRun };
  const problems = [
    ...schema.problems,
    ...checkReferences(manifestPath, fs.readFileSync(manifestPath, "utf8")),
  ];
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function main(args) {
  if (args.length !== 1) {
    process.stderr.write("usage: node scripts/validate-manifest.js <manifest.xml>\n");
    return 2;
  }
  const manifestPath = args[0];
  const result = validateManifest(manifestPath);
  if (result.ok) {
    process.stdout.write(`${manifestPath} is a valid add-in manifest\n`);
    return 0;
  }
  if (result.cannotRun !== undefined) {
    process.stderr.write(`cannot validate: ${result.cannotRun}\n`);
    return 2;
  }
  for (const problem of result.problems) process.stderr.write(`${problem}\n`);
  process.stderr.write(`${manifestPath} is not valid: ${result.problems.length} problem(s)\n`);
  return 1;
}

module.exports = { validateManifest, pngSize, readTags };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
