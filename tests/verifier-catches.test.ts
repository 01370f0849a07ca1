// A verifier is only worth its failures. Each case breaks a copy of a good example in one
// small way and asserts the verifier fails it for that reason.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRunner } from '../scripts/verify/languages.ts';
import { CACHE } from '../scripts/verify/runner.ts';
import { createVerifier, exampleFile, type Verifier } from '../scripts/verify/verifier.ts';

let verifier: Verifier;
beforeAll(async () => {
  verifier = await createVerifier({ sdk: 'auto', timeoutMs: 5_000 });
});
afterAll(() => verifier?.close());

/** Writes a broken copy of a language's example (inside the project, so `mercadopago` still resolves). */
async function mutant(language: string, name: string, edit: (source: string) => string): Promise<string> {
  const runner = findRunner(language)!;
  const source = await readFile(exampleFile(runner), 'utf8');
  const edited = edit(source);
  expect(edited, 'the edit must change the example').not.toBe(source);
  const dir = join(CACHE, 'mutants', name);
  await mkdir(dir, { recursive: true });
  const file = join(dir, runner.file);
  await writeFile(file, edited);
  return file;
}

async function verifyMutant(language: string, name: string, edit: (source: string) => string) {
  return verifier.verify(findRunner(language)!, await mutant(language, name, edit));
}

const failedCheck = (result: { checks: { name: string; ok: boolean }[] }, name: string) =>
  result.checks.find((check) => check.name === name)?.ok === false;

describe('the verifier fails an example that', () => {
  it('passes unbroken (the baseline the cases below break)', async () => {
    const result = await verifier.verify(findRunner('python')!);
    expect(result.result, String(result.reason)).toBe('passed');
  });

  it('calls another method: reads the payment instead of cancelling it', async () => {
    const result = await verifyMutant('python', 'get-instead-of-update', (s) =>
      s.replace('sdk.payment().update(payment_id, {"status": "cancelled"}, request_options)', 'sdk.payment().get(payment_id)'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/never sent PUT \/v1\/payments\/\d+; the API received: GET/);
    expect(result.reason).toMatch(/the reserve is still authorized/);
    expect(result.reason).toMatch(/status is "authorized", the docs say "cancelled"/);
  });

  it('cancels another id', async () => {
    const result = await verifyMutant('node', 'another-id', (s) =>
      s.replace('id: process.env.PAYMENT_ID,', 'id: String(Number(process.env.PAYMENT_ID) + 1),'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/exited with status 1/);
    expect(result.reason).toMatch(/never sent PUT \/v1\/payments\/\d+; the API received: PUT/);
    expect(failedCheck(result, 'the reserve is cancelled in the sandbox')).toBe(true);
  });

  it('sends no idempotency key', async () => {
    const result = await verifyMutant('curl', 'no-idempotency-key', (s) =>
      s.replace(/^\s*-H "X-Idempotency-Key: \$\{IDEMPOTENCY_KEY\}" \\\n/m, ''),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toBe('sent no X-Idempotency-Key header');
  });

  it('sends another access token than MERCADOPAGO_ACCESS_TOKEN', async () => {
    const result = await verifyMutant('curl', 'hard-coded-token', (s) =>
      s.replace("Bearer ${ACCESS_TOKEN}", "Bearer TEST-0000-hard-coded"),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/did not send the access token from MERCADOPAGO_ACCESS_TOKEN.*"Bearer TEST-0000-hard-coded"/);
  });

  it('sends "canceled", the US spelling', async () => {
    const result = await verifyMutant('curl', 'us-spelling', (s) => s.replace(`-d '{"status": "cancelled"}'`, `-d '{"status": "canceled"}'`));
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/400 cause 2016/);
  });

  it('prints the documented response without making the call', async () => {
    const result = await verifyMutant('curl', 'hard-coded-printout', () =>
      '#!/usr/bin/env bash\necho "{\\"id\\": ${PAYMENT_ID}, \\"status\\": \\"cancelled\\", \\"status_detail\\": \\"by_collector\\", \\"captured\\": false}"\n',
    );
    expect(result.result).toBe('failed');
    expect(failedCheck(result, 'prints the documented response')).toBe(false);
    expect(result.reason).toMatch(/made no request to the API/);
    expect(result.reason).toMatch(/the reserve is still authorized/);
  });

  it('cancels twice', async () => {
    const result = await verifyMutant('curl', 'cancels-twice', (s) => s.replace(/\n# The API's JSON body/, '\ncurl -sS -X PUT "https://api.mercadopago.com/v1/payments/${PAYMENT_ID}" -H "Authorization: Bearer ${MERCADOPAGO_ACCESS_TOKEN}" -H "Content-Type: application/json" -d \'{"status":"cancelled"}\' >/dev/null\n# The API\'s JSON body'));
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/sent PUT \/v1\/payments\/\d+ 2 times/);
  });

  it('hangs: stopped at the timeout, with a message that says so', async () => {
    const result = await verifyMutant('python', 'hangs', (s) => s.replace('import json\n', 'import json\nimport time\ntime.sleep(600)\n'));
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/did not finish within 5 s and was stopped \(raise it with --timeout\)/);
    expect(result.durationMs).toBeLessThan(30_000);
  });
});
