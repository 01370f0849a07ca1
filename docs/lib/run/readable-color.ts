/**
 * A text colour that reads against its background: the colour itself if its contrast ratio
 * (WCAG 2) is at least `minimum`, else the first mix of it toward black (on a light background)
 * or white (on a dark one), in steps of 5 %, that is. Colours are `#rgb`, `#rrggbb` or
 * `#rrggbbaa`; an alpha is ignored (a shortcut: the themes' token colours are opaque).
 */
type Rgb = [number, number, number];

const parse = (hex: string): Rgb => {
  const digits = hex.replace('#', '');
  const full = digits.length <= 4 ? [...digits.slice(0, 3)].map((d) => d + d).join('') : digits.slice(0, 6);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
};

const format = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2's relative luminance. */
const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrastRatio = (a: Rgb, b: Rgb) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

export function readableColor(color: string, background: string, minimum = 5.5): string {
  const text = parse(color);
  const ground = parse(background);
  const toward: Rgb = luminance(ground) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 20; step++) {
    const mixed = text.map((c, i) => c + (toward[i]! - c) * (step / 20)) as Rgb;
    if (contrastRatio(mixed, ground) >= minimum) return step === 0 ? color : format(mixed);
  }
  return format(toward);
}
