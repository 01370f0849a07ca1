/**
 * The ceiling: a bare node:http server that answers every request with one fixed
 * payment JSON, doing no routing, parsing or state. Usage: node bare-server.ts <port>
 */
import { createServer } from 'node:http';
import { createSandbox } from '../../sandbox/core/sandbox.ts';

// A real payment resource, so the body is as large as the sandbox's.
const body = JSON.stringify(createSandbox().createPayment());
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
    res.end(body);
  });
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
