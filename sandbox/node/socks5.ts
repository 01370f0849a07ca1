import type { Socket } from 'node:net';
import { API_HOST } from './local-ca.ts';

/**
 * The server's half of a SOCKS5 handshake (RFC 1928), no authentication, CONNECT only, for the
 * proxy's one purpose: the JVM reaches a proxy by flags alone only through SOCKS
 * (`-DsocksProxyHost`). Written here rather than taken from a SOCKS server package because
 * those connect out to the destination, and this one never does: an accepted CONNECT is
 * answered "succeeded" and the connection becomes a tunnel that ends in this process.
 *
 * What it accepts: port 443, and a host that is the API's name or an address (the JVM resolves
 * the name first and sends the address; the TLS handshake then names the host, and the proxy's
 * TLS server serves only the API's). Anything else is refused with reply 02, "not allowed by ruleset".
 */
export type SocksOutcome = { ok: true; early: Buffer } | { ok: false; target: string; why: string };

/** A SOCKS5 greeting starts with version 5; an HTTP request starts with a letter. */
export function isSocksGreeting(first: Buffer): boolean {
  return first[0] === 0x05;
}

const REPLY = { succeeded: 0x00, notAllowed: 0x02, commandNotSupported: 0x07, addressNotSupported: 0x08 } as const;

export async function socksHandshake(socket: Socket, first: Buffer, timeoutMs: number): Promise<SocksOutcome> {
  const read = reader(socket, first, timeoutMs);
  const [, methodCount] = await read(2);
  const methods = await read(methodCount!);
  if (!methods.includes(0x00)) {
    socket.end(Buffer.from([0x05, 0xff]));
    return { ok: false, target: '?', why: 'the client offers no way in without a password, the only one this proxy takes' };
  }
  socket.write(Buffer.from([0x05, 0x00]));
  const [version, command, , addressType] = await read(4);
  let host: string;
  if (addressType === 0x01) host = [...(await read(4))].join('.');
  else if (addressType === 0x03) host = (await read((await read(1))[0]!)).toString('latin1');
  else if (addressType === 0x04) host = `[${((await read(16)).toString('hex').match(/.{4}/g) ?? []).join(':')}]`;
  else return refuse(socket, REPLY.addressNotSupported, '?', 'an address type SOCKS5 does not define');
  const portBytes = await read(2);
  const target = `${host}:${portBytes.readUInt16BE(0)}`;
  if (version !== 0x05 || command !== 0x01) return refuse(socket, REPLY.commandNotSupported, target, 'only CONNECT is served');
  if (portBytes.readUInt16BE(0) !== 443 || (addressType === 0x03 && host.toLowerCase() !== API_HOST)) {
    return refuse(socket, REPLY.notAllowed, target, `it serves only ${API_HOST}:443`);
  }
  // The bound address is of no use to the client here: zeros, as RFC 1928 allows.
  socket.write(Buffer.from([0x05, REPLY.succeeded, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
  return { ok: true, early: read.rest() };
}

function refuse(socket: Socket, code: number, target: string, why: string): SocksOutcome {
  socket.end(Buffer.from([0x05, code, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
  return { ok: false, target, why };
}

/** Reads exactly n bytes at a time from a paused socket, however TCP splits them; rejects on close or after the timeout. */
function reader(socket: Socket, first: Buffer, timeoutMs: number) {
  let buffered = first;
  const read = (n: number): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const take = () => {
        if (buffered.length < n) return false;
        const out = buffered.subarray(0, n);
        buffered = buffered.subarray(n);
        resolve(out);
        return true;
      };
      if (take()) return;
      const timer = setTimeout(() => fail(new Error('the SOCKS handshake stopped')), timeoutMs);
      const onData = (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        if (take()) done();
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      const onClose = () => fail(new Error('the client hung up during the SOCKS handshake'));
      const done = () => {
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('close', onClose);
        socket.pause();
      };
      socket.on('data', onData);
      socket.on('close', onClose);
      socket.resume();
    });
  return Object.assign(read, { rest: () => buffered });
}
