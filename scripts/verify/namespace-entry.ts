/**
 * Runs inside a fresh user, network, mount and PID namespace (see hermetic.ts), so
 * nothing here touches the machine: brings up loopback, makes `api.mercadopago.com`
 * resolve to it, relays 127.0.0.1:443 to the sandbox's Unix socket outside, then
 * runs the program and exits with its status. With `unreachable` in place of the socket,
 * nothing listens on 443: every connection to the API is refused, as when it is down.
 *
 * Usage: node namespace-entry.ts <hosts file> <sandbox socket | unreachable> -- <command> [args...]
 */
import { execFileSync, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

const [hostsFile, socket, separator, command, ...args] = process.argv.slice(2);
if (!hostsFile || !socket || separator !== '--' || !command) {
  console.error('usage: namespace-entry.ts <hosts file> <sandbox socket | unreachable> -- <command> [args...]');
  process.exit(2);
}

execFileSync('ip', ['link', 'set', 'lo', 'up']);
execFileSync('mount', ['--bind', hostsFile, '/etc/hosts']);

const runProgram = () => {
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('error', (error) => {
    console.error(`cannot start ${command}: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
};

if (socket === 'unreachable') runProgram();
else relayTo(socket).listen(443, '127.0.0.1', runProgram);

function relayTo(socket: string) {
  return createServer((client) => {
    const upstream = connect(socket);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
  });
}
