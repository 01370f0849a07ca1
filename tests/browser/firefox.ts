/**
 * Debian's Firefox ESR (`firefox-esr`), driven by puppeteer-core over WebDriver BiDi: never a
 * downloaded browser (playwright-core drives only its own patched Firefox). One home for how
 * the browser tests and the measuring scripts start it. FIREFOX_PATH names another binary.
 */
import { createServer, type Server } from 'node:net';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface Catcher {
  /** The first line each connection sent (`CONNECT host:443 HTTP/1.1`, `GET http://host/… HTTP/1.1`). */
  caught: string[];
  port: number;
  close(): void;
}

/**
 * Firefox has no `--host-resolver-rules`, and `network.dns.localDomains` maps no port: instead
 * the catcher is the browser's proxy for every scheme, so any connection that would leave the
 * machine reaches it and is counted, with the host it asked for. The site's own server, on
 * 127.0.0.1, is never proxied (Firefox's `network.proxy.allow_hijacking_localhost` is off).
 */
export async function startCatcher(): Promise<Catcher> {
  const caught: string[] = [];
  const server: Server = createServer((socket) => {
    socket.once('data', (data) => {
      caught.push(data.toString('latin1').split('\r\n')[0]!);
      socket.destroy();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { caught, port: (server.address() as { port: number }).port, close: () => server.close() };
}

/**
 * Headless (root, no display). With a catcher, it is the proxy for everything. Only prefs that
 * keep Firefox's own services quiet are set, none that changes what a page can do: a reader's
 * Firefox ESR runs the site as this one does.
 */
export function launchFirefox(catcher?: Catcher): Promise<Browser> {
  const proxy = catcher
    ? {
        'network.proxy.type': 1, // manual
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': catcher.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': catcher.port,
        'network.proxy.no_proxies_on': '',
      }
    : {};
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      ...proxy,
      // Calls home that puppeteer's profile leaves on (captive portal and connectivity checks, push).
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'dom.push.connection.enabled': false,
    },
    // A release build ignores the `services.settings.server` puppeteer points away unless this
    // is set: without it Firefox polls firefox.settings.services.mozilla.com all the time.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
}

/** The code tab with this label, in the group whose panels hold the examples, once it is there. */
export async function codeTab(page: Page, label: string): Promise<ElementHandle<HTMLElement>> {
  const tab = await page.waitForFunction(
    (name) => {
      const group = [...document.querySelectorAll('starlight-tabs')].find((tabs) => tabs.querySelector('.example'));
      return [...(group?.querySelectorAll<HTMLElement>('[role="tab"]') ?? [])].find((t) => t.textContent?.trim() === name);
    },
    {},
    label,
  );
  return tab as ElementHandle<HTMLElement>;
}
