import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, inProcessServer, RESERVE_BODY } from '../../tests/support/sandbox.ts';
import { ManualClock } from './clock.ts';
import { BUILD_VERSION, type Payment } from './payment.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox({ clock: new ManualClock() });
  mp.serve(sandbox);
});

const client = api();

/** The additional_info a recorded test payment carries when the request sent none. */
const RECORDED_INFO = { available_balance: null, nsu_processadora: null, authentication_code: null };

describe('the whole payment resource, as recorded test-mode card payments carry it', () => {
  it('has the fields of a recorded card payment, on create, read, capture and search', async () => {
    const recorded = {
      taxes_amount: 0,
      shipping_amount: 0,
      build_version: BUILD_VERSION,
      order: {},
      acquirer_reconciliation: [],
      point_of_interaction: { type: 'UNSPECIFIED', business_info: { unit: 'online_payments', sub_unit: 'default' } },
      additional_info: RECORDED_INFO,
    };
    const made = await client.pay('APRO', { external_reference: 'resource-1' });
    expect(made.body).toMatchObject(recorded);
    expect((await client.get(made.body.id)).body).toMatchObject(recorded);
    expect((await client.capture(made.body.id)).body).toMatchObject(recorded);
    const found = await client.request<{ results: Payment[] }>('GET', '/v1/payments/search?external_reference=resource-1');
    expect(found.body.results[0]).toMatchObject(recorded);
  });

  it("echoes the request's items, payer and shipments in additional_info, every value a string as the API writes it", async () => {
    const made = await client.pay('APRO', {
      additional_info: {
        items: [
          { id: 'MLB2907679857', title: 'Point Mini', quantity: 1, unit_price: 58.8, category_id: 'electronics', warranty: true },
          { title: 'Gift wrap', quantity: '2', unit_price: '1.5' },
        ],
        payer: {
          first_name: 'Ana',
          last_name: 'Souza',
          phone: { area_code: 11, number: '987654321' },
          address: { zip_code: '06233-200', street_name: 'Av. das Nações Unidas', street_number: 3003 },
          registration_date: '2024-08-06T09:25:04Z',
        },
        shipments: { receiver_address: { zip_code: '95630000', street_name: 'São Luiz', street_number: '15', floor: 2 } },
        ip_address: '203.0.113.7',
      },
    });
    expect(made.status).toBe(201);
    expect(made.body.additional_info).toEqual({
      items: [
        {
          id: 'MLB2907679857',
          title: 'Point Mini',
          description: null,
          picture_url: null,
          category_id: 'electronics',
          quantity: '1',
          unit_price: '58.8',
        },
        { id: null, title: 'Gift wrap', description: null, picture_url: null, category_id: null, quantity: '2', unit_price: '1.5' },
      ],
      payer: {
        first_name: 'Ana',
        last_name: 'Souza',
        phone: { area_code: '11', number: '987654321' },
        address: { zip_code: '06233-200', street_name: 'Av. das Nações Unidas', street_number: '3003' },
        registration_date: '2024-08-06T05:25:04.000-04:00',
      },
      shipments: { receiver_address: { zip_code: '95630000', street_name: 'São Luiz', street_number: '15', floor: '2' } },
      ip_address: '203.0.113.7',
      ...RECORDED_INFO,
    });
    // Kept as made: a read answers the same echo.
    expect((await client.get(made.body.id)).body.additional_info).toEqual(made.body.additional_info);
  });

  it('drops what an SDK could not read: a registration_date that is not a date, objects where text belongs, unknown fields', async () => {
    const made = await client.pay('APRO', {
      additional_info: {
        items: [{ title: { nested: true }, quantity: [1], extra: 'x' }, 'not an item'],
        payer: { registration_date: 'yesterday', first_name: null, nickname: 'ana' },
        shipments: { receiver_address: 'Rua 1' },
        ip_address: 7,
        available_balance: 100,
      },
    });
    expect(made.body.additional_info).toEqual({
      items: [{ id: null, title: null, description: null, picture_url: null, category_id: null, quantity: null, unit_price: null }],
      payer: {},
      ip_address: '7',
      ...RECORDED_INFO,
    });
  });

  it('an additional_info that is not an object is ignored', async () => {
    expect((await client.pay('APRO', { additional_info: 'gift' })).body.additional_info).toEqual(RECORDED_INFO);
  });

  it('a payment restored from an older snapshot, made before these fields, gets them', () => {
    const snapshot = sandbox.snapshot();
    const old = sandbox.createPayment();
    const state = JSON.parse(JSON.stringify(sandbox.snapshot())) as typeof snapshot;
    const entry = state.payments.entries.find((candidate) => candidate.payment.id === old.id)!;
    for (const key of ['taxes_amount', 'shipping_amount', 'build_version', 'order', 'acquirer_reconciliation', 'point_of_interaction']) {
      delete entry.payment[key];
    }
    entry.payment.additional_info = {};
    const restored = createSandbox({ restore: state }).payments.get(old.id);
    expect(restored).toMatchObject({
      taxes_amount: 0,
      build_version: BUILD_VERSION,
      order: {},
      additional_info: RECORDED_INFO,
      point_of_interaction: { type: 'UNSPECIFIED' },
    });
    expect(Object.keys(restored).sort()).toEqual(Object.keys(old).sort());
  });

  it('a capture or a refund leaves the echo alone', async () => {
    const made = await client.pay('APRO', { ...RESERVE_BODY, additional_info: { items: [{ title: 'A', quantity: 1, unit_price: 10 }] } });
    await client.capture(made.body.id, 50);
    await client.refund(made.body.id, { amount: 5 });
    expect((await client.get(made.body.id)).body.additional_info).toEqual(made.body.additional_info);
  });
});
