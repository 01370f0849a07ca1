/**
 * The colours of the Run editor (./editor.ts): Shiki, as the code tabs are coloured at build
 * time, with the same grammar and Starlight's two themes, Night Owl dark and light. Bundled per
 * editable language into `run/<id>/highlight.mjs` (./prepare.ts), loaded on the first Edit.
 *
 * Like Expressive Code, a token colour too faint against its theme's background is moved toward
 * black or white until it reads (./readable-color.ts, at Expressive Code's default ratio, 5.5:1);
 * our way of moving it is not Expressive Code's, so a token may differ from the tab by a shade.
 * Shiki's JavaScript regex engine stands in for Oniguruma's wasm: no binary to fetch.
 */
import { createHighlighterCoreSync, type LanguageRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import nightOwl from 'shiki/themes/night-owl.mjs';
import nightOwlLight from 'shiki/themes/night-owl-light.mjs';
import { readableColor } from './readable-color.ts';

/** One coloured run of text: its colour and style in the dark theme and in the light one. */
export interface Token {
  text: string;
  dark: { color: string; italic: boolean };
  light: { color: string; italic: boolean };
}

export interface Highlight {
  /** The code's lines, each a list of tokens. */
  lines(code: string): Token[][];
  /** The themes' backgrounds, for the editor's box. */
  background: { dark: string; light: string };
}

/** Shiki's FontStyle bit for italics. */
const ITALIC = 1;

export function createHighlight(grammar: string, languages: LanguageRegistration[]): Highlight {
  const highlighter = createHighlighterCoreSync({
    themes: [nightOwl, nightOwlLight],
    langs: [languages],
    engine: createJavaScriptRegexEngine(),
  });
  const background = {
    dark: highlighter.getTheme('night-owl').bg,
    light: highlighter.getTheme('night-owl-light').bg,
  };
  const readable = new Map<string, string>();
  const style = (variant: { color?: string; fontStyle?: number } | undefined, theme: 'dark' | 'light') => {
    const color = variant?.color ?? 'inherit';
    const key = `${theme}${color}`;
    if (color !== 'inherit' && !readable.has(key)) readable.set(key, readableColor(color, background[theme]));
    return { color: readable.get(key) ?? color, italic: ((variant?.fontStyle ?? 0) & ITALIC) !== 0 };
  };
  return {
    lines: (code) =>
      highlighter.codeToTokensWithThemes(code, { lang: grammar, themes: { dark: 'night-owl', light: 'night-owl-light' } }).map((line) =>
        line.map((token) => ({
          text: token.content,
          dark: style(token.variants.dark, 'dark'),
          light: style(token.variants.light, 'light'),
        })),
      ),
    background,
  };
}
