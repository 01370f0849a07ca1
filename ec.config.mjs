// Expressive Code settings for the docs site (Starlight reads this file; it must sit at the root).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { keepFinalNewline } from './docs/lib/ec-keep-final-newline.mjs';

export default defineEcConfig({
  // Show tabs as tabs: the page must show each example file as it is.
  tabWidth: 0,
  // Wrap long lines instead of scrolling them: every line stays in view on a phone, and no code
  // block needs to become a focusable scroll region (which axe flags until Expressive Code's
  // script has run, and which it leaves without a name).
  defaultProps: { wrap: true },
  plugins: [keepFinalNewline()],
});
