#!/usr/bin/env node
// Draws the Teams app icons (a speech bubble with a check mark) into manifest/teams/:
// color.png 192×192 (white symbol on the accent colour) and outline.png 32×32 (white on
// transparent, as Teams requires). Shapes are signed distance functions, so both sizes come
// from one drawing with smooth edges. Run it again after changing the design; commit the PNGs.
//   node manifest/draw-icons.mjs
import { crc32, deflateSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const teams = join(dirname(fileURLToPath(import.meta.url)), 'teams');
const accent = hexColor(JSON.parse(readFileSync(join(teams, 'manifest.json'), 'utf8')).accentColor);
const white = [255, 255, 255];

// The symbol in unit coordinates (0..1 across the icon, y down): a rounded box whose tail leaves
// its bottom edge between the mouth's two corners and meets at the tip.
const box = (x, y) => roundedBox(x, y, 0.5, 0.43, 0.33, 0.24, 0.12);
const bottom = 0.67;
const mouth = [[0.27, bottom], [0.45, bottom]];
const tip = [0.26, 0.87];
const bubble = (x, y) => Math.min(box(x, y), triangle(x, y, [0.27, bottom - 0.05], tip, [0.45, bottom - 0.05]));
// The outline draws the same bubble as one stroke: the box's edge, open at the mouth, and the
// tail's two sides. (Stroking the filled union instead would draw a seam across the mouth.)
function bubbleStroke(x, y, width) {
  const edge = Math.abs(box(x, y)) - width / 2;
  const gap = roundedBox(x, y, (mouth[0][0] + mouth[1][0]) / 2, bottom, (mouth[1][0] - mouth[0][0]) / 2, width, 0);
  const tail = Math.min(segment(x, y, mouth[0], tip), segment(x, y, mouth[1], tip)) - width / 2;
  return Math.min(Math.max(edge, -gap), tail);
}
const check = (x, y, width) =>
  Math.min(segment(x, y, [0.35, 0.44], [0.46, 0.54]), segment(x, y, [0.46, 0.54], [0.66, 0.33])) - width / 2;

const icons = {
  'color.png': {
    size: 192,
    // Teams shows the colour icon full bleed, so the accent fills it; the symbol keeps a margin.
    pixel(x, y, px) {
      let colour = accent;
      colour = blend(colour, white, coverage(bubble(scaleAround(x), scaleAround(y)) * 0.8, px));
      colour = blend(colour, accent, coverage(check(scaleAround(x), scaleAround(y), 0.075) * 0.8, px));
      return [...colour, 255];
    },
  },
  'outline.png': {
    size: 32,
    // White strokes only: Teams tints the outline icon itself.
    pixel(x, y, px) {
      const alpha = Math.max(coverage(bubbleStroke(x, y, 0.07), px), coverage(check(x, y, 0.08), px));
      return [...white, Math.round(alpha * 255)];
    },
  },
};

// The colour icon's symbol is drawn at 80 % around the centre.
const scaleAround = (v) => (v - 0.5) / 0.8 + 0.5;

function roundedBox(x, y, cx, cy, halfWidth, halfHeight, radius) {
  const qx = Math.abs(x - cx) - halfWidth + radius;
  const qy = Math.abs(y - cy) - halfHeight + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay));
}

function triangle(x, y, a, b, c) {
  const edges = [[a, b], [b, c], [c, a]];
  const distance = Math.min(...edges.map(([p, q]) => segment(x, y, p, q)));
  const side = ([px, py], [qx, qy]) => (qx - px) * (y - py) - (qy - py) * (x - px);
  const signs = edges.map(([p, q]) => Math.sign(side(p, q)));
  const inside = signs.every((s) => s >= 0) || signs.every((s) => s <= 0);
  return inside ? -distance : distance;
}

// Share of a pixel covered by the shape, from its distance to the edge (one pixel of blur).
const coverage = (distance, pixelSize) => Math.max(0, Math.min(1, 0.5 - distance / pixelSize));
const blend = (under, over, amount) => under.map((u, i) => Math.round(u + (over[i] - u) * amount));

function hexColor(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function png(size, pixel) {
  const rows = [];
  for (let row = 0; row < size; row++) {
    const line = Buffer.alloc(1 + size * 4); // filter byte 0: no filter
    for (let column = 0; column < size; column++)
      line.set(pixel((column + 0.5) / size, (row + 0.5) / size, 1 / size), 1 + column * 4);
    rows.push(line);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

for (const [name, { size, pixel }] of Object.entries(icons)) {
  writeFileSync(join(teams, name), png(size, pixel));
  console.log(`wrote ${join(teams, name)} (${size}×${size})`);
}
