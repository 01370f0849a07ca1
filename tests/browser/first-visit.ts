/**
 * A first visit to a page on a slow connection, as a reader on a phone network meets it: what
 * moved while it loaded (cumulative layout shift) and what it cost to load (bytes on the wire).
 * The browser tests assert on it and write reports/site-metrics.json; measure.ts reports it too.
 */
import type { Browser, Page } from 'playwright-core';

/** The throttling the measurements use: 150 ms of latency, 1.6 Mbps each way (Lighthouse's "slow 4G" figures). */
export const SLOW_NETWORK: NetworkConditions = { latencyMs: 150, downloadMbps: 1.6, uploadMbps: 1.6 };

export interface NetworkConditions {
  latencyMs: number;
  downloadMbps: number;
  uploadMbps: number;
}

export interface Resource {
  url: string;
  /** CDP's resource type: Document, Stylesheet, Script, Image, Fetch… */
  type: string;
  /** Bytes on the wire: headers and (compressed) body. */
  bytes: number;
}

export interface FirstVisit {
  url: string;
  viewport: { width: number; height: number };
  /** Sum of the layout-shift entries' values that had no recent input, read one second after `load`. */
  cls: number;
  /** Each shift: its value, and what moved (a selector-ish description of each source node). */
  shifts: { value: number; startTime: number; sources: string[] }[];
  resources: Resource[];
  transferredBytes: number;
  scriptBytes: number;
}

/**
 * Opens `url` in a new context with the cache disabled and the network throttled (CDP), with a
 * PerformanceObserver('layout-shift', { buffered: true }) in place before the page's first byte.
 * `watch` sees the page before it navigates (the tests log its console and failed requests);
 * `network: null` measures without throttling.
 */
export async function firstVisit(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  { watch, network = SLOW_NETWORK }: { watch?: (page: Page) => void; network?: NetworkConditions | null } = {},
): Promise<FirstVisit> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    watch?.(page);
    await page.addInitScript(() => {
      const shifts: { value: number; startTime: number; sources: string[] }[] = [];
      (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
      const describe = (node: Node | null | undefined) => {
        if (!(node instanceof Element)) return node ? node.nodeName : '(gone)';
        const classes = [...node.classList]
          .slice(0, 3)
          .map((c) => `.${c}`)
          .join('');
        return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${classes}`;
      };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources?: { node?: Node }[];
        })[]) {
          if (entry.hadRecentInput) continue;
          shifts.push({ value: entry.value, startTime: entry.startTime, sources: (entry.sources ?? []).map((s) => describe(s.node)) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytesPerSecond = (mbps: number) => Math.round((mbps * 1_000_000) / 8);
    if (network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latencyMs,
        downloadThroughput: bytesPerSecond(network.downloadMbps),
        uploadThroughput: bytesPerSecond(network.uploadMbps),
      });
    }
    const requests = new Map<string, { url: string; type: string; bytes?: number }>();
    cdp.on('Network.responseReceived', (event) => {
      requests.set(event.requestId, { url: event.response.url, type: event.type ?? 'Other' });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId);
      if (request) request.bytes = event.encodedDataLength;
    });

    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: FirstVisit['shifts'] }).__shifts);
    const origin = new URL(url).origin;
    const resources = [...requests.values()]
      .filter((r) => r.bytes !== undefined && !r.url.startsWith('data:'))
      .map((r) => ({ url: r.url.startsWith(origin) ? r.url.slice(origin.length) : r.url, type: r.type, bytes: r.bytes! }));
    return {
      url,
      viewport,
      cls: shifts.reduce((sum, s) => sum + s.value, 0),
      shifts,
      resources,
      transferredBytes: resources.reduce((sum, r) => sum + r.bytes, 0),
      scriptBytes: resources.filter((r) => r.type === 'Script').reduce((sum, r) => sum + r.bytes, 0),
    };
  } finally {
    await context.close();
  }
}
