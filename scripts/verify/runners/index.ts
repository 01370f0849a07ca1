import type { LanguageId } from '../../../examples/languages.ts';
import type { Runner } from '../runner.ts';
import { csharp } from './csharp.ts';
import { curl } from './curl.ts';
import { go } from './go.ts';
import { java } from './java.ts';
import { node } from './node.ts';
import { php } from './php.ts';
import { python } from './python.ts';
import { ruby } from './ruby.ts';

/** How the verifier runs each language of examples/languages.ts. */
export const RUNNERS: Record<LanguageId, Runner> = { php, node, java, ruby, csharp, python, go, curl };
