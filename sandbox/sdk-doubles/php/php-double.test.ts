import { describe, expect, it } from 'vitest';
import { causeOf, putsTo, runDoubleTests } from '../run-double-tests.ts';

describe('the PHP double of mercadopago/dx-php', () => {
  it('passes its own tests against the sandbox and speaks the SDK\'s wire protocol', async () => {
    const { run, env } = await runDoubleTests('php', 'tests/run.php');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);

    const [first, second] = putsTo(run.journal, env.PAYMENT_ID);
    expect([first?.status, second?.status]).toEqual([200, 400]);
    expect(causeOf(second!)).toBe(2018);
    expect(putsTo(run.journal, env.CAPTURED_PAYMENT_ID).map(causeOf)).toEqual([2018]);
    expect(putsTo(run.journal, env.MISSING_PAYMENT_ID).map((e) => e.status)).toEqual([404, 404]);
    for (const entry of run.journal) {
      expect(JSON.parse(entry.body)).toEqual({ status: 'cancelled' });
      expect(entry.headers.authorization).toBe(`Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
      expect(entry.headers['user-agent']).toBe('MercadoPago DX-PHP SDK/3.13.0');
      expect(entry.headers['x-product-id']).toBeTruthy();
      // dx-php generates a key when the caller gives none, so every PUT carries one.
      expect(entry.headers['x-idempotency-key']).toMatch(/\S/);
    }
  });
});
