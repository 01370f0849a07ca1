import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

/** The files of a local certificate authority and of the certificate it signed for the API's host. */
export interface LocalCa {
  /** The folder that holds them all. */
  dir: string;
  /** The CA certificate (PEM): what each runtime is told to trust. */
  caFile: string;
  /** The server's key and certificate for `api.mercadopago.com`, signed by the CA. */
  key: string;
  cert: string;
  /** The CA as a PKCS#12 trust store for the JVM, and its password; undefined where keytool is missing. */
  javaTrustStore: string | undefined;
  javaTrustStorePassword: string;
  /** A folder of one php.ini fragment naming the CA for PHP's curl (`curl.cainfo`), for PHP_INI_SCAN_DIR. */
  phpIniDir: string;
  /** A folder to use as XDG_CONFIG_HOME, whose `.mono/new-certs/Trust` holds the CA: Mono's own user store. */
  monoConfigHome: string;
  /** A hosts file naming only `api.mercadopago.com` (127.0.0.1), for the JVM's `-Djdk.net.hosts.file`. */
  hostsFile: string;
}

export const API_HOST = 'api.mercadopago.com';

const TRUSTSTORE_PASSWORD = 'sandbox-trust';

/**
 * Makes a CA and a server certificate for the API's host name in `dir`, so every runtime can
 * reach the sandbox over real TLS with only its usual trust setting changed. The verifier makes
 * one per run (`days: 2`); `npm run sandbox -- --proxy` makes one once and reuses it (`openCa`).
 * RSA rather than EC keys: Mono's TLS stack is the least capable client we serve.
 */
export async function makeCa(dir: string, options: { days?: number; label?: string } = {}): Promise<LocalCa> {
  await mkdir(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const days = String(options.days ?? 2);
  const subject = `/CN=${options.label ?? 'Verified docs sandbox CA'} ${new Date().toISOString()}`;
  await execa('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    days,
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
  await chmod(file('ca.key'), 0o600);
  await makeServerCert(dir, Math.min(Number(days), SERVER_CERT_DAYS));
  return describeCa(dir, await writeRuntimeTrust(dir, true));
}

/**
 * Apple's TLS clients refuse a server certificate valid for more than 825 days, so a long-lived
 * CA signs a one-year server certificate, made again when it is within a day of expiring.
 */
const SERVER_CERT_DAYS = 365;

/**
 * The CA in `dir`, made on first use and reused after: a reader trusts it once. The server
 * certificate is remade when missing or about to expire; the key files are readable by the owner only.
 */
export async function openCa(dir: string): Promise<{ ca: LocalCa; made: boolean }> {
  const file = (name: string) => join(dir, name);
  const existing = await readFile(file('ca.pem'), 'utf8').catch(() => undefined);
  if (existing === undefined || !(await readFile(file('ca.key')).catch(() => undefined))) {
    return { ca: await makeCa(dir, { days: 3650, label: 'Mercado Pago sandbox local CA' }), made: true };
  }
  const cert = await readFile(file('server.pem'), 'utf8').catch(() => undefined);
  const expires = cert ? Date.parse(new X509Certificate(cert).validTo) : 0;
  if (expires - Date.now() < 86_400_000) await makeServerCert(dir, SERVER_CERT_DAYS);
  return { ca: describeCa(dir, await writeRuntimeTrust(dir, false)), made: false };
}

async function makeServerCert(dir: string, days: number): Promise<void> {
  const file = (name: string) => join(dir, name);
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
  await chmod(file('server.key'), 0o600);
  await writeFile(
    file('server.ext'),
    `subjectAltName=DNS:${API_HOST}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
  );
  await execa('openssl', [
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
    String(Math.max(1, Math.round(days))),
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.pem'),
  ]);
}

/**
 * The CA in the forms runtimes that ignore a PEM path want: a JVM trust store (keytool marks the
 * entry as trusted, which openssl 3.0 cannot do), a php.ini fragment, and Mono's user store, whose
 * file name is OpenSSL's subject hash; and the JVM's hosts file. Rewritten on every start, so they
 * always match the CA, except the trust store (keytool takes seconds), made again with a new CA only.
 */
async function writeRuntimeTrust(dir: string, newCa: boolean): Promise<{ javaTrustStore: boolean }> {
  const file = (name: string) => join(dir, name);
  await writeFile(file('hosts'), `127.0.0.1 ${API_HOST}\n`);
  await mkdir(file('php'), { recursive: true });
  await writeFile(
    join(file('php'), 'sandbox-ca.ini'),
    `; written by the Mercado Pago sandbox: PHP's curl trusts its CA\ncurl.cainfo="${file('ca.pem')}"\n`,
  );
  const trust = join(file('mono'), '.mono', 'new-certs', 'Trust');
  await mkdir(trust, { recursive: true });
  const hash = (await execa('openssl', ['x509', '-subject_hash', '-noout', '-in', file('ca.pem')])).stdout.trim();
  await writeFile(join(trust, `${hash}.0`), await readFile(file('ca.pem')));
  const kept =
    !newCa &&
    (await readFile(file('truststore.p12')).then(
      () => true,
      () => false,
    ));
  if (kept) return { javaTrustStore: true };
  await rm(file('truststore.p12'), { force: true });
  // Java's only: where keytool is missing (no JDK), the other runtimes still get their files.
  const keytool = await execa(
    'keytool',
    [
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
      TRUSTSTORE_PASSWORD,
    ],
    { reject: false },
  );
  return { javaTrustStore: keytool.exitCode === 0 };
}

/** The files a CA in `dir` has (or will have): what the proxy's printed settings name. */
export function describeCa(dir: string, made: { javaTrustStore: boolean }): LocalCa {
  const file = (name: string) => join(dir, name);
  return {
    dir,
    caFile: file('ca.pem'),
    key: file('server.key'),
    cert: file('server.pem'),
    javaTrustStore: made.javaTrustStore ? file('truststore.p12') : undefined,
    javaTrustStorePassword: TRUSTSTORE_PASSWORD,
    phpIniDir: file('php'),
    monoConfigHome: file('mono'),
    hostsFile: file('hosts'),
  };
}
