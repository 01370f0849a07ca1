import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_DATE, api, causeCode, inProcessServer, RESERVE_BODY } from '../../tests/support/sandbox.ts';
import { DAY_MS, ManualClock } from './clock.ts';
import { createSandbox } from './sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

let clock: ManualClock;
beforeEach(() => {
  clock = new ManualClock();
  mp.serve(createSandbox({ clock }));
});

const client = api();

describe('POST /v1/card_tokens', () => {
  it('turns a test card into a card token resource', async () => {
    const reply = await client.cardToken('APRO');
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-request-id')).toBeTruthy();
    expect(reply.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      first_six_digits: '450995',
      last_four_digits: '3704',
      expiration_month: 11,
      expiration_year: 2030,
      card_number_length: 16,
      security_code_length: 3,
      cardholder: { name: 'APRO', identification: { type: 'DNI', number: '12345678' } },
      status: 'active',
      live_mode: false,
      date_created: '2026-11-26T10:00:00.000-04:00',
      date_due: '2026-12-03T10:00:00.000-04:00',
    });
    expect(reply.body.date_last_updated).toMatch(API_DATE);
  });

  it('gives a new token each time', async () => {
    const [a, b] = await Promise.all([client.tokenId(), client.tokenId()]);
    expect(a).not.toBe(b);
  });

  it('accepts the other test cards and numbers written with spaces', async () => {
    const master = await client.cardToken('APRO', { card_number: '5031 7557 3453 0604' });
    expect(master.status).toBe(201);
    expect(master.body.last_four_digits).toBe('0604');
    const amex = await client.cardToken('APRO', { card_number: '371180303257522', security_code: '1234' });
    expect(amex.body).toMatchObject({ card_number_length: 15, security_code_length: 4 });
    const made = await client.pay('APRO', { token: amex.body.id, payment_method_id: 'amex' });
    expect(made.body).toMatchObject({ payment_method_id: 'amex', card: { last_four_digits: '7522' } });
  });

  it.each([
    ['a number that fails the Luhn check', { card_number: '4509953566233705' }],
    ['no number', { card_number: undefined }],
    ['month 13', { expiration_month: 13 }],
    ['a year out of range', { expiration_year: 1999 }],
    ['a two-digit security code', { security_code: '12' }],
    ['no cardholder name', { cardholder: { identification: { type: 'DNI', number: '1' } } }],
  ])('refuses %s with 400 in the error envelope', async (_, card) => {
    const reply = await client.cardToken('APRO', card);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'bad_request', status: 400, message: expect.any(String), cause: expect.any(Array) });
  });

  it('needs an access token', async () => {
    const reply = await api('').cardToken();
    expect(reply.status).toBe(401);
    expect(causeCode(reply)).toBe(5);
  });
});

describe('the cardholder name picks the outcome', () => {
  const outcomes = [
    ['APRO', 'approved', 'accredited'],
    ['OTHE', 'rejected', 'cc_rejected_other_reason'],
    ['CONT', 'in_process', 'pending_contingency'],
    ['CALL', 'rejected', 'cc_rejected_call_for_authorize'],
    ['FUND', 'rejected', 'cc_rejected_insufficient_amount'],
    ['SECU', 'rejected', 'cc_rejected_bad_filled_security_code'],
    ['EXPI', 'rejected', 'cc_rejected_bad_filled_date'],
    ['FORM', 'rejected', 'cc_rejected_bad_filled_other'],
  ] as const;

  it.each(outcomes)('%s: a captured payment is %s / %s', async (name, status, detail) => {
    const reply = await client.pay(name, { capture: true });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status, status_detail: detail, captured: status === 'approved' });
    expect(reply.body.card).toMatchObject({ cardholder: { name } });
  });

  it.each(outcomes.filter(([name]) => name !== 'APRO'))(
    '%s: asking for a reserve gives %s / %s, never an authorization',
    async (name, status, detail) => {
      const reply = await client.pay(name, { capture: false });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ status, status_detail: detail, captured: false, date_approved: null });
    },
  );

  it('reads the name case-insensitively, and approves names outside the table (documented guess)', async () => {
    expect((await client.pay('apro')).body.status).toBe('authorized');
    expect((await client.pay('Jane Doe')).body.status).toBe('authorized');
    expect((await client.pay('fund')).body.status_detail).toBe('cc_rejected_insufficient_amount');
  });
});

describe('a card token serves one payment', () => {
  it('is refused with cause 2006 the second time', async () => {
    const token = await client.tokenId();
    expect((await client.createPayment({ ...RESERVE_BODY, token })).status).toBe(201);
    const again = await client.createPayment({ ...RESERVE_BODY, token });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ status: 400, error: 'bad_request', cause: [{ code: 2006, description: 'Card Token not found' }] });
  });

  it('is consumed even by a declined payment', async () => {
    const token = await client.tokenId('FUND');
    expect((await client.createPayment({ ...RESERVE_BODY, token })).body.status).toBe('rejected');
    expect(causeCode(await client.createPayment({ ...RESERVE_BODY, token }))).toBe(2006);
  });

  it('lapses after 7 days', async () => {
    const token = await client.tokenId();
    clock.advance(7 * DAY_MS);
    expect(causeCode(await client.createPayment({ ...RESERVE_BODY, token }))).toBe(2006);
  });

  it('is unknown with cause 2006 when never made', async () => {
    const reply = await client.createPayment({ ...RESERVE_BODY, token: 'ff'.repeat(16) });
    expect(reply.status).toBe(400);
    expect(causeCode(reply)).toBe(2006);
  });
});

describe('an expired card is refused at tokenization, with the documented expiry codes', () => {
  // The clock stands at 26 November 2026.
  it.each([
    ['a year already past', { expiration_month: 12, expiration_year: 2025 }, 326, 'invalid parameter expirationYear'],
    ['a month of this year already past', { expiration_month: 10, expiration_year: 2026 }, 325, 'invalid parameter expirationMonth'],
    ['month 13', { expiration_month: 13 }, 325, 'invalid parameter expirationMonth'],
    ['a two-digit year', { expiration_year: 30 }, 326, 'invalid parameter expirationYear'],
    ['no month', { expiration_month: undefined }, 208, 'parameter expirationMonth can not be null/empty'],
    ['an empty year', { expiration_year: '' }, 209, 'parameter expirationYear can not be null/empty'],
  ])('%s: 400 cause %i', async (_, card, code, message) => {
    const reply = await client.cardToken('APRO', card);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ message, error: 'bad_request', cause: [{ code, description: message }] });
  });

  it('accepts a card that expires this month, and refuses it once the month is over', async () => {
    expect((await client.cardToken('APRO', { expiration_month: 11, expiration_year: 2026 })).status).toBe(201);
    clock.advance(5 * DAY_MS); // 1 December 2026
    expect(causeCode(await client.cardToken('APRO', { expiration_month: 11, expiration_year: 2026 }))).toBe(325);
  });
});

describe('GET /v1/card_tokens/{id}', () => {
  it('answers the token exactly as POST answered it', async () => {
    const made = await client.cardToken('APRO');
    const read = await client.request('GET', `/v1/card_tokens/${made.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(made.body);
  });

  it('answers 404 cause 2006 for a token it does not hold: unknown, used, or past its 7 days', async () => {
    const notFound = { message: 'Card Token not found', error: 'not_found', status: 404, cause: [{ code: 2006 }] };
    expect((await client.request('GET', '/v1/card_tokens/0123456789abcdef0123456789abcdef')).body).toMatchObject(notFound);
    const used = await client.tokenId();
    expect((await client.createPayment({ ...RESERVE_BODY, token: used })).status).toBe(201);
    expect((await client.request('GET', `/v1/card_tokens/${used}`)).body).toMatchObject(notFound);
    const old = await client.tokenId();
    clock.advance(7 * DAY_MS);
    expect((await client.request('GET', `/v1/card_tokens/${old}`)).body).toMatchObject(notFound);
  });

  it('needs an access token', async () => {
    const id = await client.tokenId();
    expect(causeCode(await api('').request('GET', `/v1/card_tokens/${id}`))).toBe(5);
  });
});
