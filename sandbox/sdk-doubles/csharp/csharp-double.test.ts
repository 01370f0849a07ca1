import { describe, expect, it } from 'vitest';
import { causeOf, putsTo, runDoubleTests } from '../run-double-tests.ts';

describe('the C# double of the mercadopago-sdk NuGet package', () => {
  it('passes its own tests against the sandbox and speaks the SDK\'s wire protocol', async () => {
    const { run, env } = await runDoubleTests('csharp', 'tests/DoubleTests.cs');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);

    const reserve = putsTo(run.journal, env.PAYMENT_ID);
    expect(reserve.map((e) => [e.status, causeOf(e)])).toEqual([[200, undefined], [400, 2018]]);
    expect(putsTo(run.journal, env.CAPTURED_PAYMENT_ID).map(causeOf)).toEqual([2018]);
    const missing = putsTo(run.journal, env.MISSING_PAYMENT_ID);
    expect(missing.map((e) => e.status)).toEqual([404, 401]);
    // The .NET SDK sends no idempotency key on Cancel unless the caller adds one.
    expect(missing[0]!.headers['x-idempotency-key']).toBeUndefined();
    for (const entry of [...reserve, missing[0]!]) {
      expect(JSON.parse(entry.body)).toEqual({ status: 'cancelled' });
      expect(entry.headers.authorization).toBe(`Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
      expect(entry.headers['user-agent']).toBe('MercadoPago DotNet SDK/3.5.0');
    }
    expect(reserve.every((e) => e.headers['x-idempotency-key'])).toBe(true);
  });
});
