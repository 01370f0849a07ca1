import { describe, expect, it } from 'vitest';
import { causeOf, putsTo, runDoubleTests } from '../run-double-tests.ts';

describe('the Ruby double of mercadopago-sdk', () => {
  it('passes its own tests against the sandbox and speaks the SDK\'s wire protocol', async () => {
    const { run, env } = await runDoubleTests('ruby', 'test/payment_test.rb');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+ runs, \d+ assertions, 0 failures, 0 errors/);

    const reserve = putsTo(run.journal, env.PAYMENT_ID);
    expect(reserve.map((e) => JSON.parse(e.body).status)).toEqual(['canceled', 'cancelled', 'cancelled']);
    expect(reserve.map((e) => [e.status, causeOf(e)])).toEqual([[400, 2016], [200, undefined], [400, 2018]]);
    expect(putsTo(run.journal, env.CAPTURED_PAYMENT_ID).map(causeOf)).toEqual([2018]);
    expect(putsTo(run.journal, env.MISSING_PAYMENT_ID).map(causeOf)).toEqual([2000]);
    for (const entry of run.journal) {
      expect(entry.headers.authorization).toBe(`Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
      // The 3.3.0 gem still announces itself as 3.2.0.
      expect(entry.headers['user-agent']).toBe('MercadoPago Ruby SDK v3.2.0');
      expect(entry.headers['x-idempotency-key']).toMatch(/\S/);
    }
  });
});
