// The Run editor's colours must read on their backgrounds (axe-core checks the page in tests/browser/run.test.ts).
import { describe, expect, it } from 'vitest';
import { readableColor } from '../../docs/lib/run/readable-color.ts';

describe('readableColor', () => {
  it('keeps a colour that already reads', () => {
    expect(readableColor('#D6DEEB', '#011627')).toBe('#D6DEEB');
  });

  it('darkens a faint colour on a light background until it reaches the ratio', () => {
    const color = readableColor('#989FB1', '#FBFBFB');
    expect(color).not.toBe('#989FB1');
    // Darker than the theme's own: each channel lower.
    expect(Number.parseInt(color.slice(1, 3), 16)).toBeLessThan(0x98);
  });

  it('lightens a faint colour on a dark background', () => {
    const color = readableColor('#637777', '#011627');
    expect(Number.parseInt(color.slice(1, 3), 16)).toBeGreaterThan(0x63);
  });

  it('reads #rgb and ignores an alpha', () => {
    expect(readableColor('#fff', '#000')).toBe('#fff');
    expect(readableColor('#ffffff80', '#000000')).toBe('#ffffff80');
  });
});
