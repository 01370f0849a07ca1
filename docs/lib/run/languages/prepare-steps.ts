/**
 * Each language's build step for Run, by the language table's id. A language that runs in the
 * browser (examples/languages.ts, `browser.runs`) has one; prepare.ts fails the build otherwise.
 */
import { prepareCurl } from './curl/prepare.ts';
import { prepareGo } from './go/prepare.ts';
import { prepareNode } from './node/prepare.ts';
import { preparePhp } from './php/prepare.ts';
import { preparePython } from './python/prepare.ts';
import { prepareRuby } from './ruby/prepare.ts';

export const PREPARE = {
  php: preparePhp,
  node: prepareNode,
  ruby: prepareRuby,
  python: preparePython,
  go: prepareGo,
  curl: prepareCurl,
};
