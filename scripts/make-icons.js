#!/usr/bin/env node
/**
 * Draws the add-in's icons and writes them to assets/ as PNG files, with node's zlib only.
 *
 *   node scripts/make-icons.js           write assets/*.png
 *   node scripts/make-icons.js --check   exit 1 if any file in assets/ differs from what it would write
 *
 * Each icon is a white glyph on a teal rounded square: the add-in itself and the Deadlines button
 * show a calendar; Check data a tick, My cases a person, Agenda a bulleted list, Summary a bar chart.
 * Shapes are drawn in a unit square and sampled 4×4 per pixel, so every size is anti-aliased and the
 * output depends only on this file: running it again writes the same bytes (same Node zlib).
 *
 * Sizes: 16, 32 and 80 for ribbon buttons and the group (the sizes the manifest names),
 * 32 and 64 for IconUrl and HighResolutionIconUrl.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const ASSETS = path.join(__dirname, "..", "assets");
const BACKGROUND = [0x0f, 0x6c, 0x73]; // teal, 5.9:1 contrast with white
const GLYPH = [0xff, 0xff, 0xff];
const SAMPLES = 4;

// ---- shapes in the unit square (x right, y down); each is a function (x, y) => inside ----

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
/** A thick line segment with round ends. */
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);

const GLYPHS = {
  // A calendar page: header band, binding rings, and one day picked out.
  icon: union(
    minus(roundedRect(0.2, 0.26, 0.8, 0.8, 0.05), rect(0.27, 0.42, 0.73, 0.73)),
    rect(0.2, 0.26, 0.8, 0.4),
    roundedRect(0.3, 0.18, 0.38, 0.32, 0.03),
    roundedRect(0.62, 0.18, 0.7, 0.32, 0.03),
    rect(0.52, 0.56, 0.66, 0.68),
  ),
  check: union(segment(0.24, 0.52, 0.43, 0.71, 0.13), segment(0.43, 0.71, 0.77, 0.3, 0.13)),
  cases: union(circle(0.5, 0.36, 0.14), minus(circle(0.5, 0.86, 0.3), rect(0, 0.8, 1, 1))),
  agenda: union(
    circle(0.28, 0.3, 0.06),
    circle(0.28, 0.5, 0.06),
    circle(0.28, 0.7, 0.06),
    rect(0.4, 0.26, 0.78, 0.34),
    rect(0.4, 0.46, 0.78, 0.54),
    rect(0.4, 0.66, 0.7, 0.74),
  ),
  summary: union(
    rect(0.22, 0.56, 0.34, 0.78),
    rect(0.44, 0.4, 0.56, 0.78),
    rect(0.66, 0.22, 0.78, 0.78),
    rect(0.18, 0.78, 0.82, 0.82),
  ),
};

const ICON_SIZES = {
  icon: [16, 32, 64, 80],
  check: [16, 32, 80],
  cases: [16, 32, 80],
  agenda: [16, 32, 80],
  summary: [16, 32, 80],
};

/** RGBA pixels of one icon: coverage-weighted glyph over the background, transparent corners. */
function drawIcon(glyph, size) {
  const square = roundedRect(0, 0, 1, 1, 0.16);
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inSquare = 0;
      let inGlyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (square(x, y)) {
            inSquare++;
            if (glyph(x, y)) inGlyph++;
          }
        }
      }
      const glyphShare = inSquare === 0 ? 0 : inGlyph / inSquare;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(BACKGROUND[c] + (GLYPH[c] - BACKGROUND[c]) * glyphShare);
      }
      pixels[offset + 3] = Math.round((255 * inSquare) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

// ---- PNG encoding (RFC 2083): signature, IHDR, one IDAT, IEND ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file of RGBA pixels, 8 bits per channel, no filtering, maximum compression. */
function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Every icon file: name (e.g. "check-32.png") → PNG bytes. */
function renderIcons() {
  const files = new Map();
  for (const [name, sizes] of Object.entries(ICON_SIZES)) {
    for (const size of sizes) files.set(`${name}-${size}.png`, encodePng(drawIcon(GLYPHS[name], size), size));
  }
  return files;
}

function main(args) {
  const check = args.includes("--check");
  const files = renderIcons();
  if (!check) fs.mkdirSync(ASSETS, { recursive: true });
  const stale = [];
  for (const [name, bytes] of files) {
    const file = path.join(ASSETS, name);
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(bytes)) stale.push(name);
    } else {
      fs.writeFileSync(file, bytes);
    }
  }
  if (check && stale.length > 0) {
    process.stderr.write(`assets/ differs from scripts/make-icons.js for: ${stale.join(", ")}\n`);
    return 1;
  }
  process.stdout.write(
    check ? `assets/ is up to date (${files.size} icons)\n` : `wrote ${files.size} icons to assets/\n`,
  );
  return 0;
}

module.exports = { renderIcons, encodePng, crc32 };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
