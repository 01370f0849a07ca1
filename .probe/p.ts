import { getResponse } from 'msw';
import { createSandbox } from '../sandbox/sandbox.ts';
const sb = createSandbox({ corsOrigin: 'https://site.example' });
const O = 'https://api.mercadopago.com';
async function go(method: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  try {
    const r = await getResponse(sb.handlers, new Request(O + path, { method, ...init, headers }));
    if (!r) return console.log(method, path, 'NO RESPONSE');
    console.log(method, path, r.type, r.status, [...r.headers].map(h=>h.join(':')).join(' | '), (await r.text()).slice(0, 200));
  } catch (e) { console.log(method, path, 'THROW', e); }
}
const auth = { Authorization: 'Bearer x', 'Content-Type': 'application/json' };
await go('GET', '/v1/payments/%E0%A4%A', { headers: auth });
await go('GET', '/v1/payments/%ZZ', { headers: auth });
await go('POST', '/v1/payments/', { headers: { ...auth, 'X-Idempotency-Key': 'a' }, body: '{}' });
await go('GET', '/v1/payments/', { headers: auth });
await go('GET', '/v1/payments//', { headers: auth });
await go('GET', '/v1/payments/1//', { headers: auth });
await go('OPTIONS', '/v1/payments/1', { headers: { Origin: 'https://site.example' } });
await go('OPTIONS', '/v1/payments/1', { headers: { Origin: 'https://evil.example' } });
await go('OPTIONS', '/nothing', { headers: { Origin: 'https://evil.example' } });
await go('PUT', '/__sandbox/faults', { headers: auth, body: '{}' });
await go('POST', '/__sandbox/faults', { headers: auth, body: '{"status":503,"times":1.5}' });
await go('GET', '/__sandbox/faults');
for (let i = 0; i < 3; i++) await go('GET', '/v1/payments/1', { headers: auth });
await go('DELETE', '/__sandbox/faults');
await go('POST', '/__sandbox/faults', { headers: auth, body: '{"drop":true}' });
await go('GET', '/v1/payments/1', { headers: auth });
await go('POST', '/__sandbox/faults', { headers: auth, body: '{"status":503, "when":"after", "path": "/v1/payments/:id"}' });
await go('GET', '/v1/payments/abc', { headers: auth });
await go('GET', '/v1/payments/1', { headers: { Authorization: 'Bearer ' + 'x'.repeat(600) } });
await go('POST', '/v1/card_tokens', { headers: { Authorization: 'Bearer x', 'Content-Type': 'text/plain' }, body: '{}' });
await go('POST', '/v1/card_tokens', { headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json; charset=utf-8' }, body: '{}' });
await go('POST', '/v1/card_tokens', { headers: { Authorization: 'Bearer x', 'Content-Type': 'application/jsonx' }, body: '{}' });
await go('GET', '/__sandbox/requests');
await go('GET', '/v1/payments/<script>alert(1)</script>', { headers: auth });
await go('GET', '/<script>', { headers: auth });
await go('POST', '/__sandbox/faults', { headers: auth, body: '{"status":429,"retryAfter":0}' });
await go('GET', '/v1/nothing', { headers: auth });
await go('POST', '/__sandbox/faults', { headers: auth, body: '{"status":503,"method":"PUT"}' });
await go('PUT', '/__sandbox/requests', { headers: auth });
await go('GET', '/__sandbox/faults');
