/**
 * The msw floor: one trivial msw handler answering a fixed payment, behind the very adapter
 * the sandbox uses (sandbox/node/http-server.ts). No state, no rules, no journal: what msw's
 * per-request machinery costs by itself. The sandbox cannot beat it while msw's handlers are
 * its one HTTP surface (docs/decisions/0001). Usage: node msw-floor.ts <port>
 */
import { HttpResponse, http } from 'msw';
import { API_ORIGIN } from '../../sandbox/core/api-origin.ts';
import { createSandbox } from '../../sandbox/core/sandbox.ts';
import { listen } from '../../sandbox/node/http-server.ts';

// A real payment resource, so the body is as large as the sandbox's.
const payment = createSandbox().createPayment();
const server = await listen([http.all(`${API_ORIGIN}/*`, () => HttpResponse.json(payment))], {
  port: Number(process.argv[2]),
  host: '127.0.0.1',
});
console.log('listening');
process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
