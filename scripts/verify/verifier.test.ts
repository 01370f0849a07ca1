// How the verifier reports what it could not run, rather than what it ran.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLanguage, LANGUAGES } from '../../examples/languages.ts';
import { findOperation, loadOperations } from '../../examples/operations.ts';
import type { Runner } from './runner.ts';
import { RUNNERS } from './runners/index.ts';
import { createVerifier, type Verifier } from './verifier.ts';

let verifier: Verifier;
beforeAll(async () => {
  verifier = await createVerifier({ sdk: 'auto', timeoutMs: 10_000 });
});
afterAll(() => verifier?.close());

describe('the verifier', () => {
  it('reports a missing runtime as skipped, with the command that installs it', async () => {
    const missing: Runner = { ...RUNNERS.php, runtime: { ...RUNNERS.php.runtime, version: async () => undefined } };
    const result = await verifier.verify(findOperation('cancel-reserve')!, missing);
    expect(result.result).toBe('skipped');
    expect(result.reason).toBe('PHP is not installed here; install it with: apt-get install -y php-cli php-curl');
    expect(result.sdk).toBeNull();
  });

  it('fails, naming the registry, when --sdk real asks for an SDK this machine cannot install', async () => {
    await expect(RUNNERS.ruby.prepare('real')).rejects.toThrow(
      /official ruby SDK comes from RubyGems .* which this machine cannot reach; run with --sdk double/,
    );
  });

  it('labels a double as a double, with the official SDK and version it stands in for', async () => {
    const prepared = await RUNNERS.csharp.prepare('auto');
    expect(prepared.sdk).toEqual({ kind: 'double', name: 'mercadopago-sdk', version: '3.5.0' });
  });

  it('accepts the names readers use for a language', () => {
    expect(['C#', 'cs', 'JavaScript', 'py', 'Curl', 'golang'].map((name) => findLanguage(name)?.id)).toEqual([
      'csharp',
      'csharp',
      'node',
      'python',
      'curl',
      'go',
    ]);
    expect(findLanguage('cobol')).toBeUndefined();
  });

  it('has a runner for every language', () => {
    expect(Object.keys(RUNNERS).sort()).toEqual(LANGUAGES.map((l) => l.id).sort());
  });

  it('knows the reserve lifecycle, then the refunds and cancellations, in order', () => {
    expect(loadOperations().map((op) => `${op.section}/${op.id}`)).toEqual([
      'reserves/reserve-funds',
      'reserves/capture-reserve',
      'reserves/partial-capture',
      'reserves/cancel-reserve',
      'refunds/refund-payment',
      'refunds/partial-refund',
      'refunds/list-refunds',
      'refunds/get-refund',
      'refunds/cancel-pending',
    ]);
  });
});
