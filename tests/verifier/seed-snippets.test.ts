// The official page's snippets, kept verbatim, and beside each a variant with only its
// placeholders replaced by environment reads. The verifier must reject every one, and
// say why in words that name the defect (each defect is named below).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageId } from '../../examples/languages.ts';
import { findOperation } from '../../examples/operations.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { RUNNERS } from '../../scripts/verify/runners/index.ts';
import { createVerifier, type Verifier } from '../../scripts/verify/verifier.ts';

const SEED = join(ROOT, 'tests', 'verifier', 'fixtures', 'seed');

/** What the verifier must say about each variant: the defect, named. */
const DEFECTS: Partial<Record<LanguageId, RegExp>> = {
  php: /Class "MercadoPagoConfig" not found/,
  node: /not a JSON object/, // .catch(console.log) prints util.inspect output, and would print errors the same way, exit 0
  java: /does not compile: .*class, interface, enum, or record expected/,
  ruby: /sent the body \{\s*"status"\s*:\s*"canceled"\s*\}.*400 cause 2016 \(Invalid status for update\)/,
  csharp: /does not compile: .*error CS1525/, // top-level statements and await: not C# 7
  python: /No module named 'market'/,
  curl: /sent no X-Idempotency-Key header/,
};

let verifier: Verifier;
beforeAll(async () => {
  verifier = await createVerifier({ sdk: 'auto', timeoutMs: 60_000 });
});
afterAll(() => verifier?.close());

describe.each(Object.entries(DEFECTS))("the seed page's %s snippet", (language, defect) => {
  it('is rejected, as found on the page and with its placeholders filled from the environment', async () => {
    const runner = RUNNERS[language as LanguageId];
    const cancel = findOperation('cancel-reserve')!;
    const files = (await readdir(join(SEED, language))).sort();
    const seed = files.find((f) => /^seed\./i.test(f))!;
    const variant = files.find((f) => /^variant\./i.test(f))!;

    const verbatim = await verifier.verify(cancel, runner, join(SEED, language, seed));
    expect(verbatim.result, `${seed}: ${verbatim.reason}`).toBe('failed');

    const filled = await verifier.verify(cancel, runner, join(SEED, language, variant));
    expect(filled.result).toBe('failed');
    expect(filled.reason).toMatch(defect);
  });
});
