#!/usr/bin/env node
// Draws the extension icon (images/icon.png, 128×128): a red tile with a white report page and a
// warning mark. Dependency-free (zlib + a tiny PNG encoder), so anyone can regenerate it:
//   node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const RED = [179, 38, 30];
const WHITE = [255, 255, 255];
const PINK = [242, 184, 181];
const AMBER = [249, 171, 0];
const DARK = [60, 20, 16];

/** Shapes in a 0..1 coordinate space, painted in order (later ones on top). */
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
// The page: a rectangle with its top-right corner folded.
const inPage = (x, y) => inRect(x, y, 0.26, 0.16, 0.74, 0.86) && !(x > 0.62 && y < 0.28 && x - 0.62 > y - 0.16);
const inFold = (x, y) => x >= 0.62 && y <= 0.28 && x - 0.62 <= y - 0.16 && inRect(x, y, 0.62, 0.16, 0.74, 0.28);
const inTriangle = (x, y) => {
  // Warning triangle, bottom right, overlapping the page.
  const [ax, ay, bx, by, cx, cy] = [0.72, 0.52, 0.9, 0.86, 0.54, 0.86];
  const d = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = d(x, y, ax, ay, bx, by);
  const d2 = d(x, y, bx, by, cx, cy);
  const d3 = d(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

function colourAt(x, y) {
  let c = null;
  if (inRoundRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.16)) c = RED;
  if (inPage(x, y)) c = WHITE;
  if (inFold(x, y)) c = PINK;
  for (const [y0, x1] of [[0.34, 0.64], [0.43, 0.64], [0.52, 0.56], [0.61, 0.5]]) {
    if (inRect(x, y, 0.34, y0, x1, y0 + 0.04)) c = RED;
  }
  if (inTriangle(x, y)) c = AMBER;
  if (inRect(x, y, 0.705, 0.63, 0.735, 0.77) || inCircle(x, y, 0.72, 0.81, 0.018)) c = DARK;
  return c;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const i = (py * SIZE + px) * 4;
    if (a) {
      rgba[i] = Math.round(r / a);
      rgba[i + 1] = Math.round(g / a);
      rgba[i + 2] = Math.round(b / a);
    }
    rgba[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}

// --- PNG encoding (8-bit RGBA, no filter)
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../images/icon.png', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, png);
console.log(`images/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
