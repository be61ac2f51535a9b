/**
 * The tray icon, drawn in plain Node: unread count + attention state in, PNG out.
 *
 * Why hand-drawn: the icon changes with every unread count, and a pre-rendered set of
 * 100 × states × sizes PNGs is silly, while canvas/sharp would add native deps to the
 * main process. Shapes are signed-distance functions sampled 4×4 per pixel (smooth
 * edges at 16 px); digits come from a 3×5 pixel font drawn on whole pixels so they
 * stay crisp. The encoder writes one RGBA IDAT compressed with node:zlib.
 */
import { crc32, deflateSync } from 'node:zlib';
import { badgeLabel } from '../../core/tray-state';

export type TrayAttention = 'none' | 'offline' | 'sign_in';
export type TrayIconSize = 16 | 22 | 24 | 32 | 44 | 48 | 64;
export type TrayPanelTheme = 'light-panel' | 'dark-panel';

export interface TrayIconOptions {
  count: number;
  attention: TrayAttention;
  /** Pixel size; 16 on Windows, 22/24 on Linux panels, 32 for HiDPI (default 32). */
  size?: TrayIconSize;
  /** The colour of the panel the icon sits on (default: dark panel, the common case). */
  theme?: TrayPanelTheme;
}

export const TRAY_ICON_SIZES: readonly TrayIconSize[] = [16, 22, 24, 32, 44, 48, 64];

/** What the badge says: '' for 0, '1'…'99', then '99+'. */
export function trayBadgeText(count: number): string {
  return Number.isFinite(count) ? badgeLabel(Math.floor(count)) : '';
}

type Rgba = readonly [number, number, number, number];

const TRANSPARENT: Rgba = [0, 0, 0, 0];
const WHITE: Rgba = [255, 255, 255, 255];
/** #e53935: the badge red every desktop inbox uses. */
const BADGE_RED: Rgba = [229, 57, 53, 255];
/** #ffb300 amber with a near-black "!", the usual "needs you" mark. */
const MARK_AMBER: Rgba = [255, 179, 0, 255];
const MARK_INK: Rgba = [33, 33, 33, 255];

interface GlyphPalette {
  fill: Rgba;
  outline: Rgba;
  dots: Rgba;
}

/**
 * The app teal is #128c7e. On a dark panel it is too dark to read, so the glyph gets a
 * lighter teal and a pale rim; on a light panel the brand teal with a darker rim.
 * Offline / sign-in grey the glyph out so the state shows at a glance.
 */
const PALETTES: Record<TrayPanelTheme, { normal: GlyphPalette; grey: GlyphPalette }> = {
  'dark-panel': {
    normal: { fill: [32, 178, 160, 255], outline: [224, 242, 241, 255], dots: WHITE },
    grey: { fill: [117, 117, 117, 255], outline: [224, 224, 224, 255], dots: [238, 238, 238, 255] },
  },
  'light-panel': {
    normal: { fill: [18, 140, 126, 255], outline: [7, 94, 84, 255], dots: WHITE },
    grey: { fill: [158, 158, 158, 255], outline: [97, 97, 97, 255], dots: WHITE },
  },
};

/** 3×5 pixel font, rows top to bottom, '#' = ink. Enough for counts, '+' and '!'. */
const FONT: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
  '!': ['.#.', '.#.', '.#.', '...', '.#.'],
};
const FONT_W = 3;
const FONT_H = 5;

// ---- signed distance functions (negative inside), all in pixel units -------------

function sdRoundedBox(px: number, py: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function sdCircle(px: number, py: number, cx: number, cy: number, r: number): number {
  return Math.hypot(px - cx, py - cy) - r;
}

type Point = readonly [number, number];

/** Exact distance to a triangle (after Inigo Quilez), for the bubble's tail. */
function sdTriangle(px: number, py: number, a: Point, b: Point, c: Point): number {
  const edges: [Point, Point][] = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let best = Infinity;
  let sign = 0;
  for (const [p0, p1] of edges) {
    const ex = p1[0] - p0[0];
    const ey = p1[1] - p0[1];
    const wx = px - p0[0];
    const wy = py - p0[1];
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    best = Math.min(best, Math.hypot(wx - ex * t, wy - ey * t));
    sign += Math.sign(ex * wy - ey * wx);
  }
  // Inside when the point is on the same side of all three edges.
  return Math.abs(sign) === 3 ? -best : best;
}

// ---- layout ---------------------------------------------------------------------

interface Layout {
  size: number;
  /** Font dot size in pixels: 1 up to 29 px, 2 at 32 px, 3 at 48 px, 4 at 64 px. */
  dot: number;
  /** Transparent gap cut around the badge and the mark so they read on any glyph. */
  gap: number;
  stroke: number;
  badge: { text: string; x: number; w: number; h: number } | null;
  mark: { x: number; y: number; d: number } | null;
}

function layout(size: number, options: TrayIconOptions, strokeFraction: number): Layout {
  const dot = Math.max(1, Math.floor(size / 15));
  const text = trayBadgeText(options.count);
  let badge: Layout['badge'] = null;
  if (text) {
    // Text width in dots: 3 per glyph + 1 between; pad one dot all round. The widths
    // make (w - textWidth) even, so the text lands on whole pixels, centred.
    const textWidth = (text.length * (FONT_W + 1) - 1) * dot;
    const h = (FONT_H + 2) * dot;
    const w = Math.max(h, textWidth + 2 * dot);
    badge = { text, x: size - w, w, h };
  }
  const markDiameter = (FONT_H + 2) * dot;
  const mark =
    options.attention === 'sign_in' ? { x: size - markDiameter, y: size - markDiameter, d: markDiameter } : null;
  return { size, dot, gap: dot, stroke: Math.max(1, size * strokeFraction), badge, mark };
}

/** The chat bubble: a rounded box with a tail at the bottom left, in pixels. */
function sdBubble(px: number, py: number, s: number): number {
  const body = sdRoundedBox(px, py, 0.5 * s, 0.43 * s, 0.45 * s, 0.35 * s, 0.2 * s);
  const tail = sdTriangle(px, py, [0.16 * s, 0.62 * s], [0.42 * s, 0.72 * s], [0.08 * s, 0.96 * s]);
  return Math.min(body, tail);
}

function sdBadge(px: number, py: number, l: Layout): number {
  if (!l.badge) return Infinity;
  const { x, w, h } = l.badge;
  return sdRoundedBox(px, py, x + w / 2, h / 2, w / 2, h / 2, h / 2);
}

function sdMark(px: number, py: number, l: Layout): number {
  if (!l.mark) return Infinity;
  const r = l.mark.d / 2;
  return sdCircle(px, py, l.mark.x + r, l.mark.y + r, r);
}

/** The colour at one sample point: layers painted top-down, first hit wins. */
function sampleColor(px: number, py: number, l: Layout, palette: GlyphPalette): Rgba {
  const badge = sdBadge(px, py, l);
  if (badge <= 0) return BADGE_RED;
  if (badge <= l.gap) return TRANSPARENT;
  const mark = sdMark(px, py, l);
  if (mark <= 0) return MARK_AMBER;
  if (mark <= l.gap) return TRANSPARENT;
  const s = l.size;
  const bubble = sdBubble(px, py, s);
  if (bubble > 0) return TRANSPARENT;
  if (bubble > -l.stroke) return palette.outline;
  // Three "typing" dots in the body.
  for (const cx of [0.29, 0.5, 0.71]) {
    if (sdCircle(px, py, cx * s, 0.43 * s, 0.075 * s) <= 0) return palette.dots;
  }
  return palette.fill;
}

const SUPERSAMPLE = 4;

/** Renders the tray icon as an RGBA PNG. */
export function renderTrayIcon(options: TrayIconOptions): Buffer {
  return render(options.size ?? 32, options, 1 / 16);
}

/**
 * The same bubble, large, with no badge and a finer rim: the app icon electron-builder
 * turns into .icns/.ico/hicolor PNGs (build/icon.png is this at 512 px).
 */
export function renderAppIcon(size = 512): Buffer {
  return render(size, { count: 0, attention: 'none', theme: 'light-panel' }, 1 / 40);
}

function render(size: number, options: TrayIconOptions, strokeFraction: number): Buffer {
  const l = layout(size, options, strokeFraction);
  const theme = PALETTES[options.theme ?? 'dark-panel'];
  const palette = options.attention === 'none' ? theme.normal : theme.grey;
  const rgba = Buffer.alloc(size * size * 4);

  // Shapes: average SUPERSAMPLE² samples per pixel in premultiplied alpha.
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = sampleColor(x + (sx + 0.5) / SUPERSAMPLE, y + (sy + 0.5) / SUPERSAMPLE, l, palette);
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((a / SUPERSAMPLE ** 2) * 255);
      }
    }
  }

  // Text on whole pixels, over the opaque badge / mark.
  if (l.badge) {
    const textWidth = (l.badge.text.length * (FONT_W + 1) - 1) * l.dot;
    const left = l.badge.x + (l.badge.w - textWidth) / 2;
    drawText(rgba, size, l.badge.text, left, l.dot, l.dot, WHITE);
  }
  if (l.mark) {
    const left = l.mark.x + (l.mark.d - FONT_W * l.dot) / 2;
    drawText(rgba, size, '!', left, l.mark.y + l.dot, l.dot, MARK_INK);
  }
  return encodePng(size, size, rgba);
}

function drawText(rgba: Buffer, size: number, text: string, left: number, top: number, dot: number, color: Rgba) {
  let cursor = left;
  for (const char of text) {
    const rows = FONT[char] ?? [];
    rows.forEach((row, ry) => {
      for (let rx = 0; rx < FONT_W; rx++) {
        if (row[rx] !== '#') continue;
        fillRect(rgba, size, cursor + rx * dot, top + ry * dot, dot, color);
      }
    });
    cursor += (FONT_W + 1) * dot;
  }
}

function fillRect(rgba: Buffer, size: number, x0: number, y0: number, side: number, color: Rgba) {
  for (let y = y0; y < y0 + side; y++) {
    for (let x = x0; x < x0 + side; x++) {
      if (x < 0 || y < 0 || x >= size || y >= size) continue;
      rgba.set(color, (y * size + x) * 4);
    }
  }
}

// ---- PNG encoding -----------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Minimal PNG: 8-bit RGBA, no interlace, filter 0 ("None") on every row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  // compression 0, filter method 0, interlace 0 are already zero
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
