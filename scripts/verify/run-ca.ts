import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

/** The files of a certificate authority made for one verification run. */
export interface RunCa {
  /** The CA certificate (PEM): what each runtime is told to trust. */
  caFile: string;
  /** The server's key and certificate for `api.mercadopago.com`, signed by the CA. */
  key: string;
  cert: string;
  /** The CA as a PKCS#12 trust store for the JVM, and its password. */
  javaTrustStore: string;
  javaTrustStorePassword: string;
}

export const API_HOST = 'api.mercadopago.com';

/**
 * Makes a throwaway CA and a server certificate for the API's host name, so every
 * runtime can reach the sandbox over real TLS with only its usual trust setting changed.
 * RSA rather than EC keys: Mono's TLS stack is the least capable client we serve.
 */
export async function makeRunCa(dir: string): Promise<RunCa> {
  const file = (name: string) => join(dir, name);
  const subject = `/CN=Verified docs sandbox CA ${new Date().toISOString()}`;
  await execa('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    subject,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await execa('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${API_HOST}`,
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  ]);
  await writeFile(
    file('server.ext'),
    `subjectAltName=DNS:${API_HOST}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
  );
  const password = 'sandbox-trust';
  await Promise.all([
    execa('openssl', [
      'x509',
      '-req',
      '-in',
      file('server.csr'),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      file('server.ext'),
      '-out',
      file('server.pem'),
    ]),
    // keytool marks the entry as trusted for the JVM, which openssl 3.0 cannot do.
    execa('keytool', [
      '-importcert',
      '-noprompt',
      '-alias',
      'sandbox-ca',
      '-file',
      file('ca.pem'),
      '-keystore',
      file('truststore.p12'),
      '-storetype',
      'PKCS12',
      '-storepass',
      password,
    ]),
  ]);
  return {
    caFile: file('ca.pem'),
    key: file('server.key'),
    cert: file('server.pem'),
    javaTrustStore: file('truststore.p12'),
    javaTrustStorePassword: password,
  };
}
