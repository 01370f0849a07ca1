// Expressive Code settings for the docs site (Starlight reads this file; it must sit at the root).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { keepFinalNewline, scrollRegion } from './docs/lib/ec-keep-final-newline.mjs';

export default defineEcConfig({
  // Show tabs as tabs: the page must show each example file as it is.
  tabWidth: 0,
  // Lines are never wrapped (Expressive Code's default): a line of code stays one line, and a
  // block wider than the screen scrolls sideways. scrollRegion() makes every block a keyboard
  // focusable scroll region from the first paint, not only once Expressive Code's script has run.
  plugins: [keepFinalNewline(), scrollRegion()],
});
