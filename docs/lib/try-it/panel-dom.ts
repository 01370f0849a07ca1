/**
 * What the panel reads from the page: the requests it was rendered with (one block per code
 * tab, drawn from the verification report at build time) and which code tab is selected.
 * The page's HTML is the one source; nothing is repeated as JSON.
 */
export interface RecordedRequest {
  method: string;
  /** With `{PAYMENT_ID}` where the run's id was. */
  path: string;
  headers: [string, string][];
  body: string;
}

/** Language id → its recorded request, or null where the panel shows why there is none. */
export function recordedRequests(panel: HTMLElement): Map<string, RecordedRequest | null> {
  const requests = new Map<string, RecordedRequest | null>();
  for (const block of panel.querySelectorAll<HTMLElement>('.try-it__request')) {
    const { lang, method, path } = block.dataset;
    if (!lang) continue;
    if (!method || path === undefined) {
      requests.set(lang, null);
      continue;
    }
    // Each header line reads `name: value`, as recorded (the value is not repeated in an attribute: the page stays small).
    const headers = [...block.querySelectorAll<HTMLElement>('[data-name]')].map((h) => {
      const name = h.dataset.name!;
      return [name, (h.textContent ?? '').slice(name.length + 2)] as [string, string];
    });
    requests.set(lang, { method, path, headers, body: block.querySelector('[data-body]')?.textContent ?? '' });
  }
  return requests;
}

/** The code tabs' group: Starlight tabs whose panels hold the examples (docs/components/ExampleTabs.astro). */
const codePanels = (doc: Document) =>
  [...doc.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((p) => p.querySelector(':scope > .example'));

/** The language of the code tab on screen: `python`, `csharp`… */
export function selectedLanguage(doc: Document): string | undefined {
  const panel = codePanels(doc).find((p) => !p.hidden);
  return panel?.querySelector<HTMLElement>(':scope > .example')?.dataset.example;
}

/**
 * Calls `listener` when another code tab is shown, however it happened: a click, the keyboard,
 * the synced "How to run" tabs, or Starlight restoring the reader's choice.
 */
export function onLanguageChange(doc: Document, listener: (language: string) => void): void {
  let current = selectedLanguage(doc);
  const observer = new MutationObserver(() => {
    const now = selectedLanguage(doc);
    if (!now || now === current) return;
    current = now;
    listener(now);
  });
  for (const panel of codePanels(doc)) observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
}
