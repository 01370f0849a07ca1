/**
 * A program's requests, made by the page. A runtime runs in a Worker or a frame, and msw's
 * Service Worker answers those only while some page of the site is visible: a run still going
 * while the reader is in another tab would reach the real API. So a runtime's `fetch` posts each
 * request here (./fetch-through-page.ts), and the page sends it itself: the Service Worker
 * answers the page that started it whether or not it is visible. The page refuses a request for
 * any other origin, or when the Service Worker no longer controls it (its fetch would then go
 * to the network).
 */
import { API_ORIGIN } from '../../../sandbox/core/api-origin.ts';

export interface PageRequest {
  id: number;
  url: string;
  method: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

export type PageAnswer =
  | { id: number; ok: true; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null; url: string }
  | { id: number; ok: false; error: string };

export interface PageFetchOptions {
  /** Whether the Service Worker still controls the page: checked before every request. */
  controlled: () => boolean;
  /** Told of every request, as it is sent. */
  onRequest?: (request: PageRequest) => void;
}

/** Answers, on `port`, the requests a runtime sends there. */
export function answerFromPage(port: MessagePort, options: PageFetchOptions): void {
  port.onmessage = async ({ data }: MessageEvent<PageRequest>) => {
    const refuse = (error: string) => port.postMessage({ id: data.id, ok: false, error } satisfies PageAnswer);
    if (new URL(data.url).origin !== API_ORIGIN) return refuse(`only ${API_ORIGIN} can be reached from here, not ${data.url}`);
    if (!options.controlled()) return refuse('the sandbox is no longer answering this page, so nothing was sent');
    options.onRequest?.(data);
    try {
      const response = await fetch(data.url, { method: data.method, headers: data.headers, body: data.body });
      const body = await response.arrayBuffer();
      const answer: PageAnswer = {
        id: data.id,
        ok: true,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
        url: response.url || data.url,
      };
      port.postMessage(answer, [body]);
    } catch (error) {
      refuse((error as Error).message);
    }
  };
}
