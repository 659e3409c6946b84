#!/usr/bin/env node
// Draws the app icon (a white medical card with a cross on a teal tile) as icon.svg and as the
// 512×512 icon.png electron-builder turns into .ico/.icns/AppImage icons. Pure Node: no image
// library is needed to regenerate it (`node resources/make-icon.mjs`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const size = 512;
const tile = { x: 32, y: 32, w: 448, h: 448, r: 96, top: [14, 116, 144], bottom: [21, 94, 117] };
const card = { x: 112, y: 144, w: 288, h: 224, r: 28, color: [255, 255, 255] };
const cross = { cx: 256, cy: 256, arm: 56, span: 160, color: [14, 116, 144] };

function inRoundedRect(px, py, { x, y, w, h, r }) {
  if (px < x || px > x + w || py < y || py > y + h) return false;
  const dx = Math.max(x + r - px, 0, px - (x + w - r));
  const dy = Math.max(y + r - py, 0, py - (y + h - r));
  return dx * dx + dy * dy <= r * r;
}

function inCross(px, py) {
  const half = cross.arm / 2;
  const reach = cross.span / 2;
  const vertical = Math.abs(px - cross.cx) <= half && Math.abs(py - cross.cy) <= reach;
  const horizontal = Math.abs(py - cross.cy) <= half && Math.abs(px - cross.cx) <= reach;
  return vertical || horizontal;
}

/** The colour at one point, or null outside the tile. */
function sample(px, py) {
  if (!inRoundedRect(px, py, tile)) return null;
  if (inRoundedRect(px, py, card)) return inCross(px, py) ? cross.color : card.color;
  const t = (py - tile.y) / tile.h;
  return tile.top.map((c, i) => c + (tile.bottom[i] - c) * t);
}

function renderPng() {
  const grid = 4; // 4×4 samples per pixel for smooth edges
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const color = sample(x + (sx + 0.5) / grid, y + (sy + 0.5) / grid);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const at = row + 1 + x * 4;
      if (a > 0) {
        rows[at] = Math.round(r / a);
        rows[at + 1] = Math.round(g / a);
        rows[at + 2] = Math.round(b / a);
      }
      rows[at + 3] = Math.round((255 * a) / (grid * grid));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
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

function svg() {
  const hex = (rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  const half = cross.arm / 2;
  const reach = cross.span / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <title>Medcard Desk</title>
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hex(tile.top)}"/>
      <stop offset="1" stop-color="${hex(tile.bottom)}"/>
    </linearGradient>
  </defs>
  <rect x="${tile.x}" y="${tile.y}" width="${tile.w}" height="${tile.h}" rx="${tile.r}" fill="url(#tile)"/>
  <rect x="${card.x}" y="${card.y}" width="${card.w}" height="${card.h}" rx="${card.r}" fill="${hex(card.color)}"/>
  <path d="M${cross.cx - half} ${cross.cy - reach}h${cross.arm}v${reach - half}h${reach - half}v${cross.arm}h-${reach - half}v${reach - half}h-${cross.arm}v-${reach - half}h-${reach - half}v-${cross.arm}h${reach - half}z" fill="${hex(cross.color)}"/>
</svg>
`;
}

writeFileSync(path.join(here, 'icon.png'), renderPng());
writeFileSync(path.join(here, 'icon.svg'), svg());
console.log('wrote resources/icon.png and resources/icon.svg');
