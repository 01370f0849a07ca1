// A verifier is only worth its failures. Each case breaks a copy of a good example in one
// small way (a mistake a reader could make in that operation) and asserts the verifier fails
// it for that reason.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LanguageId, language } from '../../examples/languages.ts';
import { findOperation } from '../../examples/operations.ts';
import { CACHE } from '../../scripts/verify/runner.ts';
import { RUNNERS } from '../../scripts/verify/runners/index.ts';
import { createVerifier, exampleFile, type Verifier } from '../../scripts/verify/verifier.ts';

let verifier: Verifier;
beforeAll(async () => {
  // Long enough for the runs with the API down: Node's and Go's SDKs retry for up to 7 s.
  verifier = await createVerifier({ sdk: 'auto', timeoutMs: 15_000 });
});
afterAll(() => verifier?.close());

const operation = (id: string) => findOperation(id)!;

/** Writes a broken copy of an operation's example (inside the project, so `mercadopago` still resolves). */
async function mutant(op: string, lang: LanguageId, name: string, edit: (source: string) => string): Promise<string> {
  const source = await readFile(exampleFile(operation(op), RUNNERS[lang]), 'utf8');
  const edited = edit(source);
  expect(edited, 'the edit must change the example').not.toBe(source);
  const dir = join(CACHE, 'mutants', op, name);
  await mkdir(dir, { recursive: true });
  const file = join(dir, language(lang).program(op));
  await writeFile(file, edited);
  return file;
}

async function verifyMutant(op: string, lang: LanguageId, name: string, edit: (source: string) => string) {
  return verifier.verify(operation(op), RUNNERS[lang], await mutant(op, lang, name, edit));
}

const failedCheck = (result: { checks: { name: string; ok: boolean }[] }, name: string) =>
  result.checks.find((check) => check.name.startsWith(name))?.ok === false;

describe('the verifier fails a cancellation that', () => {
  it('passes unbroken (the baseline the cases below break)', async () => {
    const result = await verifier.verify(operation('cancel-reserve'), RUNNERS.python);
    expect(result.result, String(result.reason)).toBe('passed');
  });

  it('calls another method: reads the payment instead of cancelling it', async () => {
    const result = await verifyMutant('cancel-reserve', 'python', 'get-instead-of-update', (s) =>
      s.replace('sdk.payment().update(payment_id, {"status": "cancelled"}, request_options)', 'sdk.payment().get(payment_id)'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/never sent PUT \/v1\/payments\/\d+; the API received: GET/);
    expect(result.reason).toMatch(/the payment \d+ is left with status "authorized"/);
    expect(result.reason).toMatch(/status is "authorized", the docs say "cancelled"/);
  });

  it('cancels another id', async () => {
    const result = await verifyMutant('cancel-reserve', 'node', 'another-id', (s) =>
      s.replace('id: process.env.PAYMENT_ID,', 'id: String(Number(process.env.PAYMENT_ID) + 1),'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/exited with status 1/);
    expect(result.reason).toMatch(/never sent PUT \/v1\/payments\/\d+; the API received: PUT/);
    expect(failedCheck(result, 'leaves the payment as documented')).toBe(true);
  });

  it('sends no idempotency key', async () => {
    const result = await verifyMutant('cancel-reserve', 'curl', 'no-idempotency-key', (s) =>
      s.replace(/^\s*-H "X-Idempotency-Key: \$\{IDEMPOTENCY_KEY\}" \\\n/m, ''),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toBe('sent no X-Idempotency-Key header');
  });

  it('sends another access token than MERCADOPAGO_ACCESS_TOKEN', async () => {
    const result = await verifyMutant('cancel-reserve', 'curl', 'hard-coded-token', (s) =>
      s.replace('Bearer ${ACCESS_TOKEN}', 'Bearer TEST-0000-hard-coded'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/did not send the access token from MERCADOPAGO_ACCESS_TOKEN.*"Bearer TEST-0000-hard-coded"/);
  });

  it('sends "canceled", the US spelling', async () => {
    const result = await verifyMutant('cancel-reserve', 'curl', 'us-spelling', (s) =>
      s.replace(`-d '{"status": "cancelled"}'`, `-d '{"status": "canceled"}'`),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/400 cause 2016/);
  });

  it('prints the documented response without making the call', async () => {
    const result = await verifyMutant(
      'cancel-reserve',
      'curl',
      'hard-coded-printout',
      () =>
        '#!/usr/bin/env bash\necho "{\\"id\\": ${PAYMENT_ID}, \\"status\\": \\"cancelled\\", \\"status_detail\\": \\"by_collector\\", \\"captured\\": false}"\n',
    );
    expect(result.result).toBe('failed');
    expect(failedCheck(result, 'prints the documented response')).toBe(false);
    expect(result.reason).toMatch(/made no request to the API/);
    expect(result.reason).toMatch(/the payment \d+ is left with status "authorized"/);
  });

  it('cancels twice', async () => {
    const result = await verifyMutant('cancel-reserve', 'curl', 'cancels-twice', (s) =>
      s.replace(
        /\n# The API's JSON body/,
        '\ncurl -sS -X PUT "https://api.mercadopago.com/v1/payments/${PAYMENT_ID}" -H "Authorization: Bearer ${MERCADOPAGO_ACCESS_TOKEN}" -H "Content-Type: application/json" -d \'{"status":"cancelled"}\' >/dev/null\n# The API\'s JSON body',
      ),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/sent PUT \/v1\/payments\/\d+ 2 times/);
  });

  it('hangs: stopped at the timeout, with a message that says so', async () => {
    const result = await verifyMutant('cancel-reserve', 'python', 'hangs', (s) =>
      s.replace('import json\n', 'import json\nimport time\ntime.sleep(600)\n'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/did not finish within 15 s and was stopped \(raise it with --timeout\)/);
    expect(result.durationMs).toBeLessThan(30_000);
  });
});

describe('the verifier fails a program that, with the API down,', () => {
  it('lets the exception out: a stack trace instead of one line', async () => {
    const result = await verifyMutant('cancel-reserve', 'python', 'no-connection-handling', (s) =>
      s.replace(/try:\n {4}(result = .*)\nexcept requests[^\n]*\n(?: {4}[^\n]*\n)+/, '$1\n'),
    );
    expect(result.result).toBe('failed');
    expect(failedCheck(result, 'exits with status 0')).toBe(false);
    expect(failedCheck(result, 'says when Mercado Pago cannot be reached')).toBe(true);
    expect(result.reason).toMatch(
      /^with the API refusing connections, printed \d+ lines: .*requests\.exceptions\.ConnectionError.* on stderr, not one line starting "Could not reach Mercado Pago:"$/,
    );
  });

  it('lets curl print its own message too: two lines where one says what happened', async () => {
    const result = await verifyMutant('cancel-reserve', 'curl', 'curl-says-too', (s) =>
      s.replace('curl -s --fail-with-body', 'curl -sS --fail-with-body'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(
      /printed 2 lines: curl: \(7\) Failed to connect .* \| Could not reach Mercado Pago: curl exited with status 7 on stderr/,
    );
  });

  it('exits 0, as if the call had worked', async () => {
    const result = await verifyMutant('cancel-reserve', 'go', 'exits-zero', (s) => s.replace('\tos.Exit(1)\n}', '\tos.Exit(0)\n}'));
    expect(result.result).toBe('failed');
    expect(result.reason).toBe('with the API refusing connections, exited with status 0, as if it had succeeded');
  });
});

describe('the verifier fails a cancellation that does the right thing but', () => {
  it("prints another payment's id", async () => {
    const result = await verifyMutant('cancel-reserve', 'python', 'prints-another-id', (s) =>
      s.replace('print(json.dumps(result["response"]))', 'print(json.dumps({**result["response"], "id": result["response"]["id"] + 1}))'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/^printed JSON, but id is \d+, not the payment \d+$/);
    expect(failedCheck(result, 'sends one PUT')).toBe(false);
  });
});

describe('the verifier fails a reserve that', () => {
  it('passes unbroken', async () => {
    const result = await verifier.verify(operation('reserve-funds'), RUNNERS.curl);
    expect(result.result, String(result.reason)).toBe('passed');
  });

  it('sends capture true: an approved payment, not a reserve', async () => {
    const result = await verifyMutant('reserve-funds', 'python', 'captures', (s) => s.replace('"capture": False,', '"capture": True,'));
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/the payment \d+ is left with status "approved" \(the docs: "authorized"\), status_detail "accredited"/);
    expect(result.reason).toMatch(/status is "approved", the docs say "authorized"/);
  });

  it('leaves capture out: the API captures by default', async () => {
    const result = await verifyMutant('reserve-funds', 'curl', 'no-capture-member', (s) => s.replace(', "capture": false}', '}'));
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/is left with status "approved"/);
  });

  it('sends no X-Idempotency-Key: the API refuses the creation', async () => {
    const result = await verifyMutant('reserve-funds', 'curl', 'no-idempotency-key', (s) =>
      s.replace(/^\s*-H "X-Idempotency-Key: \$\{IDEMPOTENCY_KEY\}" \\\n/m, ''),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/sent no X-Idempotency-Key header; the API answered 400 cause 4292/);
    expect(result.reason).toMatch(/no payment was made/);
  });

  it('uses another card token than CARD_TOKEN', async () => {
    const result = await verifyMutant('reserve-funds', 'python', 'hard-coded-card-token', (s) =>
      s.replace('"token": os.environ["CARD_TOKEN"],', '"token": "ff8080814c11e237014c1ff593b57b4d",'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/instead of a body with \{"token":"[0-9a-f]+","transaction_amount":100\}/);
  });
});

describe('the verifier accepts a reserve that', () => {
  // Old versions of Mercado Pago's docs send the string; the API treats it as false, and so
  // does the sandbox, so the program does what its page says.
  it('sends capture as the string "false", as older docs do', async () => {
    const result = await verifyMutant('reserve-funds', 'python', 'string-false', (s) =>
      s.replace('"capture": False,', '"capture": "false",'),
    );
    expect(result.result, String(result.reason)).toBe('passed');
  });
});

describe('the verifier fails a capture that', () => {
  it('sends capture false', async () => {
    const result = await verifyMutant('capture-reserve', 'curl', 'capture-false', (s) =>
      s.replace(`-d '{"capture": true}'`, `-d '{"capture": false}'`),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/sent the body \{"capture": false\} instead of \{"capture":true\}/);
    expect(result.reason).toMatch(/is left with status "authorized"/);
  });

  it('captures part when it should capture all', async () => {
    const result = await verifyMutant('capture-reserve', 'python', 'captures-part', (s) =>
      s.replace(
        'sdk.payment().capture(payment_id, request_options=request_options)',
        'sdk.payment().capture(payment_id, 50, request_options)',
      ),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/transaction_amount 50 \(the docs: 100\)/);
  });
});

describe('the verifier fails a partial capture that', () => {
  it('passes unbroken', async () => {
    const result = await verifier.verify(operation('partial-capture'), RUNNERS.node);
    expect(result.result, String(result.reason)).toBe('passed');
  });

  it('captures all of the reserve', async () => {
    const result = await verifyMutant('partial-capture', 'curl', 'captures-all', (s) =>
      s.replace('-d "{\\"capture\\": true, \\"transaction_amount\\": ${CAPTURE_AMOUNT}}"', `-d '{"capture": true}'`),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/instead of \{"capture":true,"transaction_amount":75\}/);
    expect(result.reason).toMatch(/transaction_amount 100 \(the docs: 75\)/);
  });

  it('captures another amount than CAPTURE_AMOUNT', async () => {
    const result = await verifyMutant('partial-capture', 'python', 'wrong-amount', (s) =>
      s.replace(
        'sdk.payment().capture(payment_id, float(capture_amount), request_options)',
        'sdk.payment().capture(payment_id, 80, request_options)',
      ),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/transaction_amount 80 \(the docs: 75\)/);
  });
});

describe('the verifier fails a refund that', () => {
  it('passes unbroken, in full and in part', async () => {
    for (const op of ['refund-payment', 'partial-refund']) {
      const result = await verifier.verify(operation(op), RUNNERS.curl);
      expect(result.result, `${op}: ${result.reason}`).toBe('passed');
    }
  });

  it('refunds everything where a part was asked: the body left out of a partial refund', async () => {
    const result = await verifyMutant('partial-refund', 'node', 'no-body', (s) =>
      s.replace('    body: { amount: Number(refundAmount) },\n', ''),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/instead of \{"amount":25\.5\}/);
    expect(result.reason).toMatch(/status "refunded" \(the docs: "approved"\)/);
    expect(result.reason).toMatch(/amount is 100, the docs say 25\.5/);
  });

  it('sends the amount as a string', async () => {
    const result = await verifyMutant('partial-refund', 'curl', 'amount-string', (s) =>
      s.replace('-d "{\\"amount\\": ${REFUND_AMOUNT}}"', '-d "{\\"amount\\": \\"${REFUND_AMOUNT}\\"}"'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/400 cause 4041/);
  });

  it("refunds everything where a part was asked: an amount of 0, which Go's SDK leaves out of the body", async () => {
    const result = await verifyMutant('partial-refund', 'go', 'amount-zero', (s) =>
      s.replace('CreatePartialRefund(context.Background(), paymentID, amount)', 'CreatePartialRefund(context.Background(), paymentID, 0)'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/sent the body \{\} instead of \{"amount":25\.5\}/);
    expect(result.reason).toMatch(/status "refunded" \(the docs: "approved"\)/);
  });

  it('asks a full refund with an amount of 0', async () => {
    const result = await verifyMutant('refund-payment', 'curl', 'amount-zero', (s) => s.replace(`  -d '')"`, `  -d '{"amount": 0}')"`));
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/sent the body \{"amount": 0\}, where the docs send none/);
    expect(result.reason).toMatch(/400 cause 4040/);
  });

  it('sends no idempotency key', async () => {
    const result = await verifyMutant('refund-payment', 'curl', 'no-key', (s) =>
      s.replace(/^\s*-H "X-Idempotency-Key: \$\{IDEMPOTENCY_KEY\}" \\\n/m, ''),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/sent no X-Idempotency-Key header/);
    expect(result.reason).toMatch(/400 cause 4292/);
  });

  it('cancels the approved payment instead of refunding it', async () => {
    const result = await verifyMutant('refund-payment', 'curl', 'cancel-instead', (s) =>
      s
        .replace('-X POST', '-X PUT')
        .replace('/v1/payments/${PAYMENT_ID}/refunds"', '/v1/payments/${PAYMENT_ID}"')
        .replace(`  -d '')"`, `  -d '{"status": "cancelled"}')"`),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/never sent POST \/v1\/payments\/\d+\/refunds; the API received: PUT/);
    expect(result.reason).toMatch(/status "approved" \(the docs: "refunded"\)/);
  });

  it("prints a refund rebuilt from the SDK's object, which drops the members its class lacks", async () => {
    const result = await verifyMutant('refund-payment', 'java', 'reserialized', (s) =>
      s.replace(
        'System.out.println(refund.getResponse().getContent());',
        'System.out.println(com.mercadopago.serialization.Serializer.serializeToJson(refund));',
      ),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/metadata is undefined, the docs say \{\}/);
  });
});

describe('the verifier fails a listing or a read of refunds that', () => {
  it('passes unbroken', async () => {
    for (const op of ['list-refunds', 'get-refund']) {
      const result = await verifier.verify(operation(op), RUNNERS.python);
      expect(result.result, `${op}: ${result.reason}`).toBe('passed');
    }
  });

  it("lists another id's refunds", async () => {
    const result = await verifyMutant('list-refunds', 'curl', 'another-id', (s) =>
      s.replace('/v1/payments/${PAYMENT_ID}/refunds"', '/v1/payments/${FIRST_REFUND_ID}/refunds"'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/never sent GET \/v1\/payments\/\d+\/refunds; the API received: GET/);
    expect(result.reason).toMatch(/404 cause 2000|exited with status 22/);
  });

  it("prints a list that is not the payment's: an empty one, without asking", async () => {
    const result = await verifyMutant('list-refunds', 'curl', 'empty-list', () => '#!/usr/bin/env bash\necho "[]"\n');
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/made no request to the API/);
    expect(result.reason).toMatch(/it lists the refunds \[\], where the payment \d+ has \[\d+,\d+\]/);
  });

  it("spreads the SDK's array into an object to drop api_response", async () => {
    const result = await verifyMutant('list-refunds', 'node', 'spread', (s) =>
      s.replace('console.log(JSON.stringify(result));', 'const { api_response, ...list } = result;\n  console.log(JSON.stringify(list));'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/printed something that is not a JSON array/);
  });

  it("reads the refund by the payment's id", async () => {
    const result = await verifyMutant('get-refund', 'python', 'wrong-id', (s) =>
      s.replace('sdk.refund().get(payment_id, refund_id)', 'sdk.refund().get(payment_id, payment_id)'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/Mercado Pago API error 404.*"code": ?2032/);
    expect(result.reason).toMatch(/never sent GET \/v1\/payments\/\d+\/refunds\/\d+; the API received: GET/);
  });
});

describe('the verifier fails a cancellation of a pending payment that', () => {
  it('refunds it instead', async () => {
    const result = await verifyMutant('cancel-pending', 'curl', 'refund-instead', (s) =>
      s.replace('-X PUT', '-X POST').replace('/v1/payments/${PAYMENT_ID}"', '/v1/payments/${PAYMENT_ID}/refunds"'),
    );
    expect(result.result).toBe('failed');
    expect(result.reason).toMatch(/exited with status 22: .*"code":2063/);
    expect(result.reason).toMatch(/status "in_process" \(the docs: "cancelled"\)/);
  });
});
