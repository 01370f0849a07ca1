// The Try it panel's rules, outside the browser (tests/browser/try-it.test.ts drives the panel
// itself): which recorded request a tab may show, which headers a page cannot send, that every
// case a declaration lists (examples/*/operation.json, `tryIt`) gets the answer it declares when
// staged and sent as the panel does (from the declaration's own request, for every operation, and
// from each tab's recorded one), what the visit keeps and what the panel says of each value, and
// that "Copy as curl" runs as printed against `npm run sandbox`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../docs/lib/examples.ts';
import { browserCanSend } from '../../docs/lib/try-it/browser-headers.ts';
import { asExpected, casesFor, type TryCase } from '../../docs/lib/try-it/cases.ts';
import { shellWord, toCurl } from '../../docs/lib/try-it/curl.ts';
import { withMember } from '../../docs/lib/try-it/json-member.ts';
import type { RecordedRequest } from '../../docs/lib/try-it/panel-dom.ts';
import { SANDBOX_TOKEN } from '../../docs/lib/try-it/placeholders.ts';
import { shownRequest } from '../../docs/lib/try-it/requests.ts';
import { headersToSend, send } from '../../docs/lib/try-it/send.ts';
import { howMade, recordCreation, stage } from '../../docs/lib/try-it/stage.ts';
import type { Visit } from '../../docs/lib/try-it/visit.ts';
import { type Report, readReport } from '../../docs/lib/verification.ts';
import { UNKNOWN_IDS } from '../../examples/given.ts';
import { fillIn, fixedInputs, loadOperations } from '../../examples/operations.ts';
import { isApiHost } from '../../sandbox/browser/api-host.ts';
import { sessionSnapshotStore, storageKey } from '../../sandbox/browser/snapshot-store.ts';
import { createSandbox } from '../../sandbox/core/sandbox.ts';
import { RESERVE_BODY } from '../../sandbox/core/test-cards.ts';
import { prepareSandbox } from '../../scripts/verify/given.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { inProcessServer, sandboxOverHttp } from '../support/sandbox.ts';

const OPERATIONS = loadOperations();
const report = await readReport();
/** Every recorded request the pages can show: operation → language → request. */
const recorded = new Map<string, Map<string, RecordedRequest>>();
for (const operation of OPERATIONS) {
  const shown = new Map<string, RecordedRequest>();
  for (const example of await loadExamples(operation.id)) {
    const request = shownRequest(example, report);
    if (request.shown) shown.set(example.language.id, { ...request, headers: request.headers.map((h) => [h.name, h.value]) });
  }
  recorded.set(operation.id, shown);
}
const anyRecorded = [...recorded.values()].some((m) => m.size > 0);

describe('the request a tab shows', () => {
  const example = { operation: 'cancel-reserve', language: 'python' as const, file: 'examples/cancel-reserve/python/cancel_reserve.py' };
  const entry = (overrides: object = {}) => ({
    ...example,
    sha256: 'a'.repeat(64),
    runtime: { name: 'Python', version: '3.11.7' },
    sdk: { kind: 'official' as const, name: 'mercadopago (PyPI)', version: '3.6.0' },
    result: 'passed' as const,
    reason: null,
    checks: [],
    durationMs: 1,
    response: {},
    stderrTail: '',
    received: [],
    request: {
      method: 'PUT',
      path: '/v1/payments/{PAYMENT_ID}',
      headers: [
        ['authorization', 'Bearer {MERCADOPAGO_ACCESS_TOKEN}'],
        ['user-agent', 'MercadoPago Python SDK v3.6.0'],
      ] as [string, string][],
      body: '{"status": "cancelled"}',
    },
    date: '2026-12-02T06:27:40.106Z',
    ...overrides,
  });
  const reportOf = (...results: ReturnType<typeof entry>[]): Report => ({
    generatedAt: '2026-12-02T06:27:40.106Z',
    sdkChoice: 'auto',
    results,
  });

  it("is the verifier's recording, for the exact bytes it verified; headers a page cannot send are marked", async () => {
    const python = (await loadExamples('cancel-reserve')).find((e) => e.language.id === 'python')!;
    const shown = shownRequest(python, reportOf(entry({ sha256: python.sha256 })));
    expect(shown.shown && shown.headers).toEqual([
      { name: 'authorization', value: 'Bearer {MERCADOPAGO_ACCESS_TOKEN}', fromBrowser: true },
      { name: 'user-agent', value: 'MercadoPago Python SDK v3.6.0', fromBrowser: false },
    ]);
  });

  it('is not shown, and says why, when the report is missing, stale, failed, or holds no request', async () => {
    const python = (await loadExamples('cancel-reserve')).find((e) => e.language.id === 'python')!;
    const why = (r: Report | undefined) => {
      const shown = shownRequest(python, r);
      return shown.shown ? 'shown' : shown.why.key;
    };
    expect(why(undefined)).toBe('noReport');
    expect(why(reportOf(entry()))).toBe('changed');
    expect(why(reportOf(entry({ sha256: python.sha256, result: 'failed' })))).toBe('failed');
    expect(why(reportOf(entry({ sha256: python.sha256, request: null })))).toBe('noRequest');
  });
});

describe('headers a page cannot send', () => {
  it("are the Fetch standard's forbidden ones and User-Agent, which Chromium drops", () => {
    for (const name of ['user-agent', 'Accept-Encoding', 'sec-fetch-mode', 'proxy-authorization', 'host', 'content-length'])
      expect(browserCanSend(name), name).toBe(false);
    for (const name of ['authorization', 'content-type', 'x-idempotency-key', 'accept', 'accept-language', 'x-product-id', 'x-request-id'])
      expect(browserCanSend(name), name).toBe(true);
  });
});

describe("a case's change to the body", () => {
  it("sets one member and keeps the SDK's formatting", () => {
    expect(withMember('{"status": "cancelled"}', 'status', 'canceled')).toBe('{"status": "canceled"}');
    expect(withMember('{"capture":true,"transaction_amount":75.0}', 'transaction_amount', 150)).toBe(
      '{"capture":true,"transaction_amount":150}',
    );
    expect(withMember('{"capture": true}', 'transaction_amount', 150)).toBe('{"capture":true,"transaction_amount":150}');
    expect(withMember('not json', 'status', 'x')).toBe('not json');
  });
});

describe("the in-browser sandbox's guard and storage", () => {
  it("knows the API's host by any door: scheme, port, case, the trailing dot", () => {
    for (const url of [
      'https://api.mercadopago.com/v1/payments/1',
      'http://api.mercadopago.com/',
      'https://API.MercadoPago.com:8443/x',
      'https://api.mercadopago.com./v1',
    ]) {
      expect(isApiHost(url), url).toBe(true);
    }
    for (const url of [
      'http://127.0.0.1:4321/cancel-reserve/',
      'https://www.mercadopago.com/developers',
      'https://api.mercadopago.com.evil.example/',
      'not a url',
    ]) {
      expect(isApiHost(url), url).toBe(false);
    }
  });

  it('keeps one record per site base, drops one it cannot read, and survives a browser that refuses to store', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    } as Storage;
    const sandbox = createSandbox();
    sandbox.createPayment();
    const store = sessionSnapshotStore(storageKey('/repo/', 'sandbox'), storage);
    expect(store.save(sandbox.snapshot())).toBe(true);
    expect([...items.keys()]).toEqual(['verified-docs:sandbox:/repo/']);
    expect(createSandbox({ restore: store.load() }).payments.size).toBe(1);
    expect(sessionSnapshotStore(storageKey('/', 'sandbox'), storage).load()).toBeUndefined();

    items.set('verified-docs:sandbox:/repo/', '{"version":1');
    expect(store.load()).toBeUndefined();
    expect(items.size).toBe(0);

    const full = {
      ...storage,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    } as Storage;
    expect(sessionSnapshotStore('k', full).save(sandbox.snapshot())).toBe(false);
  });
});

/** Sends one case as the panel does: staged in a fresh sandbox, the request with the case's change; the answer and what the sandbox saw. */
async function sendCase(msw: ReturnType<typeof inProcessServer>, request: RecordedRequest, tryCase: TryCase, visit: Visit = {}) {
  const sandbox = createSandbox();
  msw.serve(sandbox);
  const staged = stage(sandbox, visit, tryCase);
  const body = Object.entries(tryCase.set ?? {}).reduce((text, [member, value]) => withMember(text, member, value), request.body);
  const draft = { values: staged.values, body, ...(tryCase.omit ? { omit: tryCase.omit } : {}) };
  const answer = await send(request, draft);
  return { sandbox, staged, draft, answer, seen: sandbox.journal.entries().at(-1) };
}

/** The case's answer is the one it declares: status, cause, the answer's own status, the length of a list. */
function expectDeclared(answer: Awaited<ReturnType<typeof send>>, tryCase: TryCase, label: string): void {
  expect(answer.status, label).toBe(tryCase.expect.status);
  const json = answer.json as { status?: string; cause?: { code: number | string }[] };
  if (tryCase.expect.cause !== undefined) expect(json.cause?.[0]?.code, label).toBe(tryCase.expect.cause);
  if (tryCase.expect.bodyStatus !== undefined) expect(json.status, label).toBe(tryCase.expect.bodyStatus);
  if (tryCase.expect.items !== undefined) expect(answer.json, label).toHaveLength(tryCase.expect.items);
  expect(asExpected(tryCase.expect, answer.status, answer.json), `${label}: the panel's own check agrees`).toBe(true);
}

/**
 * The request the declaration describes, as a recorded one: what the panel would send for a tab
 * whose program is not verified yet. A creation's body "includes" the declared members: the rest
 * is the sandbox's own complete reserve body.
 */
function declaredRequest(operation: (typeof OPERATIONS)[number]): RecordedRequest {
  const { method, path, body, bodyMatch } = operation.request;
  const headers: [string, string][] = [
    ['authorization', 'Bearer {MERCADOPAGO_ACCESS_TOKEN}'],
    ['content-type', 'application/json'],
  ];
  if (method !== 'GET') headers.push(['x-idempotency-key', '{IDEMPOTENCY_KEY}']);
  const members = body === undefined ? undefined : fillIn(body, fixedInputs(operation));
  const full = bodyMatch === 'includes' && method === 'POST' && path === '/v1/payments' ? { ...RESERVE_BODY, ...members } : members;
  return { method, path, headers, body: full === undefined ? '' : JSON.stringify(full) };
}

describe("every operation's Try it cases (examples/*/operation.json), staged and sent from the declaration's own request", () => {
  const msw = inProcessServer();
  beforeAll(() => msw.start());
  afterAll(() => msw.stop());

  it('are declared for every operation, besides the documented call', () => {
    for (const operation of OPERATIONS) expect(operation.tryIt.length, operation.id).toBeGreaterThan(0);
  });

  it.each(OPERATIONS.map((op) => [op.id, op] as const))('%s: each case gets the answer it declares', async (_, operation) => {
    const request = declaredRequest(operation);
    const cases = casesFor(operation);
    expect(cases[0]!.id).toBe('documented');
    for (const tryCase of cases) {
      const { staged, answer, seen } = await sendCase(msw, request, tryCase);
      const label = `${operation.id} ${tryCase.id}: ${answer.text.slice(0, 200)}`;
      expectDeclared(answer, tryCase, label);
      expect(seen, `${label}: the request reached the sandbox`).toBeDefined();
      // Every id the path names was staged, an unknown one as the id nothing has.
      for (const [name, held] of Object.entries(tryCase.given)) {
        expect(staged.values[name], `${label} ${name}`).toBeTruthy();
        if ('unknown' in held) expect(staged.values[name], label).toBe(UNKNOWN_IDS[held.unknown]);
      }
      if (tryCase.omit) expect(seen!.headers[tryCase.omit], label).toBeUndefined();
    }
  });
});

describe.skipIf(!anyRecorded)('every case a page lists, staged and sent as the panel does', () => {
  const msw = inProcessServer();
  it.each(OPERATIONS.map((op) => [op.id, op] as const))(
    '%s: each case, from each tab, gets the answer the page says',
    async (_, operation) => {
      msw.start();
      try {
        for (const [language, request] of recorded.get(operation.id)!) {
          for (const tryCase of casesFor(operation)) {
            const visit: Visit = {};
            const { staged, draft, answer, seen } = await sendCase(msw, request, tryCase, visit);
            const label = `${operation.id} ${language} ${tryCase.id}: ${answer.text.slice(0, 200)}`;
            expectDeclared(answer, tryCase, label);
            expect(answer.requestId, label).toMatch(/^[0-9a-f-]{36}$/);
            // What the panel sends, the sandbox received as the SDK sent it (placeholders filled).
            for (const [name, value] of headersToSend(request, draft)) {
              if (name === 'x-idempotency-key') expect(seen!.headers[name], label).toMatch(/^[0-9a-f-]{36}$/);
              else expect(seen!.headers[name], `${label} — ${name}`).toBe(value.replace('{MERCADOPAGO_ACCESS_TOKEN}', SANDBOX_TOKEN));
            }
            if (tryCase.omit) expect(seen!.headers[tryCase.omit], label).toBeUndefined();
            if (tryCase.id === 'documented' && 'CARD_TOKEN' in tryCase.given) {
              recordCreation(visit, staged.values.CARD_TOKEN, answer.status, answer.json);
              expect(visit.reserveId, label).toBe((answer.json as { id: number }).id);
              expect(visit.cardToken, `${label}: the used card token is given up`).toBeUndefined();
            }
          }
        }
      } finally {
        msw.stop();
      }
    },
  );

  it('sending again to the same reserve is the page\'s 2018, as "cancel twice" says', async () => {
    const request = recorded.get('cancel-reserve')?.get('python');
    if (!request) return;
    msw.start();
    try {
      const { sandbox, draft, answer } = await sendCase(msw, request, casesFor(OPERATIONS.find((o) => o.id === 'cancel-reserve')!)[0]!);
      expect(answer.status).toBe(200);
      msw.serve(sandbox);
      const again = await send(request, draft);
      expect([again.status, (again.json as { cause: { code: number }[] }).cause[0]!.code]).toEqual([400, 2018]);
    } finally {
      msw.stop();
    }
  });
});

describe("the visit's state, across the pages' cases", () => {
  const byId = (id: string) => OPERATIONS.find((o) => o.id === id)!;
  const caseOf = (operation: string, id: string) => casesFor(byId(operation)).find((c) => c.id === id)!;

  it("reuses the visit's reserve while it is authorized and of the declared amount, and makes a new one after", () => {
    const sandbox = createSandbox();
    const visit: Visit = {};
    const first = stage(sandbox, visit, caseOf('capture-reserve', 'documented'));
    expect(first.taken).toEqual([]);
    expect(visit.reserveId).toBe(Number(first.values.PAYMENT_ID));
    const again = stage(sandbox, visit, caseOf('cancel-reserve', 'documented'));
    expect([again.values.PAYMENT_ID, again.taken]).toEqual([first.values.PAYMENT_ID, ['PAYMENT_ID']]);
    expect(howMade(again, 'PAYMENT_ID', sandbox)).toEqual([{ key: 'payment.kept' }]);
    sandbox.payments.update(Number(first.values.PAYMENT_ID), { capture: true });
    const fresh = stage(sandbox, visit, caseOf('partial-capture', 'documented'));
    expect(fresh.values.PAYMENT_ID).not.toBe(first.values.PAYMENT_ID);
    expect(howMade(fresh, 'PAYMENT_ID', sandbox)).toEqual([{ key: 'payment.new', values: { amount: 100 } }]);
    // A refund page's "reserve never captured" is the visit's reserve too: the refusal changes nothing.
    expect(stage(sandbox, visit, caseOf('refund-payment', 'reserve')).values.PAYMENT_ID).toBe(fresh.values.PAYMENT_ID);
  });

  it("keeps one approving card token until a payment uses it; a used token is the one the visit's payment used", () => {
    const sandbox = createSandbox();
    const visit: Visit = {};
    const documented = caseOf('reserve-funds', 'documented');
    const token = stage(sandbox, visit, documented).values.CARD_TOKEN!;
    expect(stage(sandbox, visit, documented).values.CARD_TOKEN).toBe(token);
    const payment = sandbox.payments.create({ ...RESERVE_BODY, token }, sandbox.cardTokens);
    recordCreation(visit, token, 201, payment);
    expect(visit.reserveId).toBe(payment.id);
    expect(stage(sandbox, visit, documented).values.CARD_TOKEN).not.toBe(token);
    const used = stage(sandbox, visit, caseOf('reserve-funds', 'used-token'));
    expect([used.values.CARD_TOKEN, used.taken]).toEqual([token, ['CARD_TOKEN']]);
    expect(howMade(used, 'CARD_TOKEN', sandbox)).toEqual([{ key: 'card.used' }]);
  });

  it('says how each value came to be: a payment and its refunds, a refund, an unknown id', () => {
    const sandbox = createSandbox();
    const twice = stage(sandbox, {}, caseOf('refund-payment', 'refund-twice'));
    expect(howMade(twice, 'PAYMENT_ID', sandbox)).toEqual([
      { key: 'payment.paid', values: { amount: 100, card: 'APRO' } },
      { key: 'payment.refunded', values: { amounts: '100' } },
    ]);
    const listed = stage(sandbox, {}, caseOf('list-refunds', 'documented'));
    expect(howMade(listed, 'PAYMENT_ID', sandbox)[1]).toEqual({ key: 'payment.refunded', values: { amounts: '25.5 + 30' } });
    const got = stage(sandbox, {}, caseOf('get-refund', 'documented'));
    expect(howMade(got, 'REFUND_ID', sandbox)).toEqual([{ key: 'refund.new', values: { amount: 25.5 } }]);
    const unknown = stage(sandbox, {}, caseOf('get-refund', 'unknown-payment'));
    expect(howMade(unknown, 'PAYMENT_ID', sandbox)).toEqual([{ key: 'payment.unknown' }]);
    expect(howMade(unknown, 'REFUND_ID', sandbox)).toEqual([{ key: 'refund.unknown' }]);
    const cancelled = stage(sandbox, {}, caseOf('cancel-pending', 'cancel-twice'));
    expect(howMade(cancelled, 'PAYMENT_ID', sandbox)).toEqual([{ key: 'payment.paidCancelled', values: { amount: 100, card: 'CONT' } }]);
  });

  it("has every string it says in the panel's strings, in every locale", () => {
    const keys = new Set<string>();
    const sandbox = createSandbox();
    for (const operation of OPERATIONS)
      for (const tryCase of casesFor(operation)) {
        const staged = stage(sandbox, {}, tryCase);
        for (const name of Object.keys(staged.values)) for (const said of howMade(staged, name, sandbox)) keys.add(said.key);
      }
    const component = readFileSync(join(ROOT, 'docs/components/TryIt.astro'), 'utf8');
    for (const lang of ['en', 'es', 'pt-BR']) {
      const strings = JSON.parse(readFileSync(join(ROOT, `docs/content/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
      for (const key of keys) {
        expect(strings[`tryIt.${key}`], `${lang}.json: tryIt.${key}`).toBeTruthy();
        expect(component, `TryIt.astro passes tryIt.${key} to the browser`).toContain(`'${key}'`);
      }
    }
  });
});

describe('"Copy as curl"', () => {
  const served = sandboxOverHttp();

  it("quotes for the shell: plain text in single quotes, placeholders as the examples' variables", () => {
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('authorization: Bearer {MERCADOPAGO_ACCESS_TOKEN}')).toBe(
      '"authorization: Bearer ${MERCADOPAGO_ACCESS_TOKEN:-TEST-sandbox}"',
    );
    expect(shellWord('{"token":"{CARD_TOKEN}"}')).toBe(`'{"token":"'"\${CARD_TOKEN:?set CARD_TOKEN to a card token}"'"}'`);
  });

  it.skipIf(!anyRecorded).each(OPERATIONS.map((op) => [op.id, op] as const))(
    "%s: each tab's command runs against `npm run sandbox` and gets the documented answer",
    async (_, operation) => {
      for (const [language, request] of recorded.get(operation.id)!) {
        // What the operation is given, made as the verifier makes it.
        const env: Record<string, string> = { BASE: served.server.url, ...prepareSandbox(served.sandbox, operation) };
        const curl = toCurl(request);
        const run = await execa('bash', ['-euo', 'pipefail', '-c', `${curl} -w '\\n%{http_code}'`], {
          env,
          reject: false,
          timeout: 20_000,
        });
        const label = `${operation.id} ${language}:\n${curl}\n${run.stderr}`;
        const lines = run.stdout.trimEnd().split('\n');
        expect(Number(lines.at(-1)), label).toBe(operation.response.status);
        const body = JSON.parse(lines.slice(0, -1).join('\n')) as unknown;
        // A listing answers an array: each refund in it has the documented members.
        for (const answer of operation.response.about === 'refunds' ? (body as unknown[]) : [body])
          expect(answer, label).toMatchObject(operation.response.body);
        // Every header the SDK sent went out, the ones a browser cannot send included.
        const seen = served.sandbox.journal.entries().at(-1)!;
        for (const [name, value] of request.headers) {
          if (name === 'accept-encoding') continue; // curl's own, through --compressed
          if (name === 'x-idempotency-key') expect(seen.headers[name], label).toMatch(/^[0-9a-f-]{36}$/);
          else expect(seen.headers[name], `${label} — ${name}`).toBe(value.replace('{MERCADOPAGO_ACCESS_TOKEN}', 'TEST-sandbox'));
        }
      }
    },
  );
});
