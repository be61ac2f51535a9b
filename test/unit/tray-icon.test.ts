// The tray icon is drawn in plain Node; these tests decode it as any PNG reader would.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  renderTrayIcon,
  TRAY_ICON_SIZES,
  trayBadgeText,
  type TrayAttention,
  type TrayIconOptions,
} from '../../src/main/shell/tray-icon';

interface Decoded {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number, number];
}

function decode(png: Buffer): Decoded {
  // pngjs checks the signature, every chunk CRC and the zlib stream.
  const image = PNG.sync.read(png);
  return {
    width: image.width,
    height: image.height,
    pixel: (x, y) => {
      const i = (y * image.width + x) * 4;
      return [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0, image.data[i + 3] ?? 0];
    },
  };
}

type Predicate = (p: [number, number, number, number]) => boolean;
const isRed: Predicate = ([r, g, b, a]) => a > 200 && r > 180 && g < 100 && b < 100;
const isAmber: Predicate = ([r, g, b, a]) => a > 200 && r > 220 && g > 140 && g < 210 && b < 60;
const isTeal: Predicate = ([r, g, b, a]) => a > 200 && g - r > 60 && b - r > 50;

/** How many pixels in the given box (fractions of the icon size) match. */
function countIn(png: Buffer, test: Predicate, box = { x0: 0, y0: 0, x1: 1, y1: 1 }): number {
  const img = decode(png);
  let n = 0;
  for (let y = Math.floor(box.y0 * img.height); y < Math.ceil(box.y1 * img.height); y++) {
    for (let x = Math.floor(box.x0 * img.width); x < Math.ceil(box.x1 * img.width); x++) {
      if (test(img.pixel(x, y))) n++;
    }
  }
  return n;
}

const TOP_RIGHT = { x0: 0.5, y0: 0, x1: 1, y1: 0.5 };
const BOTTOM_RIGHT = { x0: 0.5, y0: 0.5, x1: 1, y1: 1 };
const icon = (options: Partial<TrayIconOptions>) => renderTrayIcon({ count: 0, attention: 'none', ...options });

describe('trayBadgeText', () => {
  it('is empty for zero, the number up to 99, then 99+', () => {
    expect([0, 1, 9, 10, 99, 100, 1000].map(trayBadgeText)).toEqual(['', '1', '9', '10', '99', '99+', '99+']);
    expect([-3, Number.NaN, 0.4, 2.7].map(trayBadgeText)).toEqual(['', '', '', '2']);
  });
});

describe('renderTrayIcon', () => {
  it.each(TRAY_ICON_SIZES)('is a valid RGBA PNG of %i px', (size) => {
    const png = icon({ size, count: 42 });
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([size, size]);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png[25]).toBe(6); // IHDR colour type: truecolour with alpha
    // Transparent background: the corners of the glyph side are see-through.
    expect(decode(png).pixel(0, 0)[3]).toBe(0);
  });

  it.each([16, 22, 32] as const)('draws the red badge exactly when count > 0 (%i px)', (size) => {
    for (const count of [0, 1, 9, 10, 99, 100, 1000]) {
      const red = countIn(icon({ size, count }), isRed, TOP_RIGHT);
      if (count > 0) expect(red, `count ${count}`).toBeGreaterThan(size);
      else expect(red, `count ${count}`).toBe(0);
    }
  });

  it('writes the count in white inside the badge', () => {
    const white: Predicate = ([r, g, b, a]) => a === 255 && r === 255 && g === 255 && b === 255;
    // The badge's text rows (above the bubble's white typing dots).
    const textRows = { x0: 0.5, y0: 0, x1: 1, y1: 0.3 };
    expect(countIn(icon({ count: 0 }), white, textRows)).toBe(0);
    expect(countIn(icon({ count: 8 }), white, textRows)).toBeGreaterThan(10);
  });

  it('caps the badge at 99+: 100 and 1000 look the same', () => {
    for (const size of TRAY_ICON_SIZES) {
      expect(icon({ size, count: 100 }).equals(icon({ size, count: 1000 }))).toBe(true);
    }
  });

  it.each([16, 22, 32] as const)('shows different counts differently (%i px)', (size) => {
    const png = (count: number) => icon({ size, count });
    expect(png(9).equals(png(10))).toBe(false);
    expect(png(1).equals(png(9))).toBe(false);
    expect(png(99).equals(png(100))).toBe(false);
    expect(png(0).equals(png(1))).toBe(false);
  });

  it('has a distinct look for offline and sign-in', () => {
    for (const size of [16, 22, 32] as const) {
      for (const count of [0, 5]) {
        const looks = (['none', 'offline', 'sign_in'] as TrayAttention[]).map((attention) =>
          icon({ size, count, attention }).toString('base64'),
        );
        expect(new Set(looks).size, `size ${size}, count ${count}`).toBe(3);
      }
    }
  });

  it('greys the glyph when offline and adds the amber mark for sign-in', () => {
    expect(countIn(icon({ attention: 'none' }), isTeal)).toBeGreaterThan(100);
    expect(countIn(icon({ attention: 'offline' }), isTeal)).toBe(0);
    expect(countIn(icon({ attention: 'sign_in' }), isTeal)).toBe(0);
    expect(countIn(icon({ attention: 'offline' }), isAmber)).toBe(0);
    expect(countIn(icon({ attention: 'sign_in' }), isAmber, BOTTOM_RIGHT)).toBeGreaterThan(20);
    // The badge and the mark do not cover each other, even at 16 px.
    const both = icon({ size: 16, count: 100, attention: 'sign_in' });
    expect(countIn(both, isRed, TOP_RIGHT)).toBeGreaterThan(16);
    expect(countIn(both, isAmber, BOTTOM_RIGHT)).toBeGreaterThan(8);
  });

  it('draws a different glyph for light and dark panels, visible on both', () => {
    for (const attention of ['none', 'offline', 'sign_in'] as const) {
      expect(icon({ attention, theme: 'light-panel' }).equals(icon({ attention, theme: 'dark-panel' }))).toBe(false);
    }
    // Visible: enough opaque pixels that contrast with the panel colour they sit on.
    const contrasting = (panel: number) => (p: [number, number, number, number]) =>
      p[3] > 200 && Math.abs((p[0] + p[1] + p[2]) / 3 - panel) > 60;
    expect(countIn(icon({ theme: 'dark-panel' }), contrasting(40))).toBeGreaterThan(300);
    expect(countIn(icon({ theme: 'light-panel' }), contrasting(236))).toBeGreaterThan(300);
  });

  it('is deterministic', () => {
    expect(icon({ count: 7, attention: 'sign_in' }).equals(icon({ count: 7, attention: 'sign_in' }))).toBe(true);
  });
});
