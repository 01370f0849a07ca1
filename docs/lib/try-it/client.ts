/**
 * The Try it panel in the browser (docs/components/TryIt.astro renders it; its inline loader
 * imports this module on the reader's first use). It starts the in-browser sandbox, stages
 * the chosen case, sends the selected tab's recorded request and shows the sandbox's answer.
 */
import { type BrowserSandbox, startBrowserSandbox } from '../../../sandbox/browser/browser-sandbox.ts';
import { createRunConsole, type RunConsole } from '../run/console.ts';
import { asExpected as answerIsExpected, type TryCase } from './cases.ts';
import { toCurl } from './curl.ts';
import { withMember } from './json-member.ts';
import { onLanguageChange, type RecordedRequest, recordedRequests, selectedLanguage } from './panel-dom.ts';
import { SANDBOX_TOKEN } from './placeholders.ts';
import { type Answer, type Draft, send } from './send.ts';
import { howMade, paymentNow, recordCreation, refundNow, type Staged, stage } from './stage.ts';
import { type Visit, visitStore } from './visit.ts';

type Strings = Record<string, string>;

/** `{{name}}` → values[name]. */
const fill = (template: string | undefined, values: Record<string, string | number> = {}) =>
  (template ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));

export function start(panel: HTMLElement, pending: HTMLElement[]): void {
  const strings = JSON.parse(panel.dataset.strings ?? '{}') as Strings;
  const base = panel.dataset.base ?? '/';
  const creates = panel.dataset.creates === 'true';
  const requests = recordedRequests(panel);
  const $ = <T extends Element>(selector: string) => panel.querySelector<T>(selector);
  const caseSelect = $<HTMLSelectElement>('[data-case]')!;
  /** One field per id the path names (`{PAYMENT_ID}`, `{REFUND_ID}`), by its variable. */
  const pathInputs = new Map(
    [...panel.querySelectorAll<HTMLInputElement>('input[data-path-var]')].map((input) => [input.dataset.pathVar!, input] as const),
  );
  const bodyInput = $<HTMLTextAreaElement>('[data-body-input]')!;
  const values = $<HTMLElement>('[data-values]')!;
  const live = $<HTMLElement>('[data-live]')!;
  const responseBox = $<HTMLElement>('[data-response]')!;
  const curlBox = $<HTMLElement>('[data-curl]')!;
  const visits = visitStore(base);
  const operation = panel.dataset.runOperation ?? '';
  const runInputs = JSON.parse(panel.dataset.runInputs ?? '{}') as Record<string, string>;
  /** The variables the program reads (its declaration's inputs). */
  const reads = new Set((panel.dataset.runReads ?? '').split(' ').filter(Boolean));

  let visit: Visit = visits.load();
  let staged: Staged = { values: {}, given: {}, taken: [] };
  let language = selectedLanguage(document);
  let answered = 0;
  const say = (text: string) => (live.textContent = text);
  /** What "New reserve" (or "New payment", on a page that starts from a payment) says it made. */
  const newWhat = panel.dataset.newWhat ?? 'newReserve';

  const currentCase = (): TryCase =>
    JSON.parse(caseSelect.selectedOptions[0]?.dataset.spec ?? '{"id":"documented","given":{},"expect":{"status":200}}') as TryCase;
  const recorded = (): RecordedRequest | null | undefined => (language ? requests.get(language) : undefined);

  say(strings.starting ?? '');
  const ready: Promise<BrowserSandbox> = startBrowserSandbox({ base });
  let started: BrowserSandbox | undefined;
  const runConsole: RunConsole = createRunConsole({
    root: $<HTMLElement>('[data-run-console]')!,
    base,
    strings,
    operation,
    unavailable: () =>
      started?.mode !== 'service-worker'
        ? (strings['run.needsWorker'] ?? '')
        : started.answering()
          ? undefined
          : (strings.notAnswering ?? ''),
    journal: () => started?.sandbox.journal.entries() ?? [],
  });
  ready.then(
    (browser) => {
      started = browser;
      say(browser.mode === 'service-worker' ? (strings.readyWorker ?? '') : (strings.readyInPage ?? ''));
      panel.dataset.sandbox = browser.mode;
      restage(browser);
    },
    (error: Error) => say(fill(strings.startFailed, { error: error.message })),
  );

  /** The body the case sends for the selected tab: the recorded one, with the case's change. */
  function fillDraft(): void {
    const request = recorded();
    const spec = currentCase();
    const body = request?.body ?? '';
    bodyInput.value = Object.entries(spec.set ?? {}).reduce((text, [member, value]) => withMember(text, member, value), body);
    for (const [name, input] of pathInputs) if (staged.values[name] !== undefined) input.value = staged.values[name];
  }

  function restage(browser: BrowserSandbox): void {
    const spec = currentCase();
    staged = stage(browser.sandbox, visit, spec);
    saveAll(browser);
    fillDraft();
    describeValues(browser);
    runConsole.setEnvironment(runEnvironment());
    // Which case is staged and ready to send (the browser tests wait on it).
    panel.dataset.case = spec.id;
  }

  /** The program's environment, as the verifier gives it, with what the case staged here (the reserve, the card token…). */
  function runEnvironment(): Record<string, string> {
    return {
      MERCADOPAGO_ACCESS_TOKEN: SANDBOX_TOKEN,
      ...Object.fromEntries(Object.entries(staged.values).filter(([name]) => reads.has(name))),
      ...runInputs,
    };
  }

  function saveAll(browser: BrowserSandbox): void {
    if (!(browser.save() && visits.save(visit))) say(strings.notSaved ?? '');
  }

  /** The staged values, with the ids the reader left in the path's fields. */
  function draft(): Draft {
    const values = { ...staged.values };
    for (const [name, input] of pathInputs) values[name] = input.value.trim();
    return { values, body: bodyInput.value, ...(currentCase().omit ? { omit: currentCase().omit } : {}) };
  }

  /** "how it came to be" for a value the case staged, in the page's words. */
  const made = (browser: BrowserSandbox, name: string) =>
    howMade(staged, name, browser.sandbox)
      .map((said) => fill(strings[said.key], said.values))
      .join(', ');

  /** What each placeholder of the shown request stands for, in this sandbox, now. */
  function describeValues(browser: BrowserSandbox): void {
    const request = recorded();
    const text = request ? [request.path, ...request.headers.map(([, v]) => v), bodyInput.value].join('\n') : '';
    const rows: [string, string][] = [];
    if (text.includes('{MERCADOPAGO_ACCESS_TOKEN}'))
      rows.push(['{MERCADOPAGO_ACCESS_TOKEN}', fill(strings.valueToken, { token: SANDBOX_TOKEN })]);
    if (text.includes('{IDEMPOTENCY_KEY}'))
      rows.push([
        '{IDEMPOTENCY_KEY}',
        currentCase().omit === 'x-idempotency-key' ? (strings.valueKeyOmitted ?? '') : (strings.valueKey ?? ''),
      ]);
    const current = draft().values;
    const paymentId = current.PAYMENT_ID;
    if (pathInputs.has('PAYMENT_ID') && text.includes('{PAYMENT_ID}')) {
      const payment = paymentNow(browser.sandbox, paymentId);
      const how = paymentId === staged.values.PAYMENT_ID ? made(browser, 'PAYMENT_ID') : '';
      const now = payment
        ? fill(strings.paymentNow, {
            status: String(payment.status),
            detail: String(payment.status_detail),
            amount: String(payment.transaction_amount),
          })
        : how !== '' && 'unknown' in (staged.given.PAYMENT_ID ?? {})
          ? undefined
          : strings.paymentNone;
      rows.push(['{PAYMENT_ID}', `${paymentId} — ${[how, now].filter(Boolean).join('; ')}`]);
    }
    if (pathInputs.has('REFUND_ID') && text.includes('{REFUND_ID}')) {
      const refundId = current.REFUND_ID;
      const refund = refundNow(browser.sandbox, paymentId, refundId);
      const how = refundId === staged.values.REFUND_ID && paymentId === staged.values.PAYMENT_ID ? made(browser, 'REFUND_ID') : '';
      const now = refund
        ? how === ''
          ? fill(strings.refundNow, { amount: String(refund.amount), status: String(refund.status) })
          : undefined
        : how !== '' && 'unknown' in (staged.given.REFUND_ID ?? {})
          ? undefined
          : strings.refundNone;
      rows.push(['{REFUND_ID}', `${refundId} — ${[how, now].filter(Boolean).join('; ')}`]);
    }
    // What else the request carries that the case staged: the card token.
    for (const name of Object.keys(staged.values)) {
      if (pathInputs.has(name) || !text.includes(`{${name}}`)) continue;
      rows.push([`{${name}}`, `${staged.values[name]} — ${made(browser, name)}`]);
    }
    values.replaceChildren(
      ...rows.flatMap(([name, description]) => {
        const dt = document.createElement('dt');
        const code = dt.appendChild(document.createElement('code'));
        code.textContent = name;
        const dd = document.createElement('dd');
        dd.textContent = description;
        return [dt, dd];
      }),
    );
  }

  function showAnswer(answer: Answer): void {
    const spec = currentCase();
    const asExpected = answerIsExpected(spec.expect, answer.status, answer.json);
    const status = `${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
    const ms = answer.ms < 10 ? answer.ms.toFixed(1) : Math.round(answer.ms).toString();
    responseBox.querySelector('[data-status]')!.textContent = status;
    responseBox.querySelector('[data-time]')!.textContent = fill(strings.time, { ms });
    responseBox.querySelector('[data-request-id]')!.textContent = answer.requestId ?? '—';
    const check = responseBox.querySelector<HTMLElement>('[data-check]')!;
    check.dataset.ok = String(asExpected);
    check.textContent = fill(asExpected ? strings.asExpected : strings.notAsExpected, {
      expected: caseSelect.selectedOptions[0]?.dataset.expectText ?? '',
    });
    responseBox.querySelector('[data-response-body]')!.textContent =
      answer.json === undefined ? answer.text : JSON.stringify(answer.json, null, 2);
    responseBox.hidden = false;
    panel.dataset.answered = String(++answered);
    say(fill(strings.answered, { status, ms }));
  }

  async function onSend(): Promise<void> {
    const request = recorded();
    if (!request) return void say(strings.nothingToSend ?? '');
    say(strings.sending ?? '');
    const browser = await ready;
    if (!browser.answering()) return void say(strings.notAnswering ?? '');
    const sent = draft();
    let answer: Answer;
    try {
      answer = await send(request, sent);
    } catch (error) {
      return void say(fill(strings.sendFailed, { error: (error as Error).message }));
    }
    showAnswer(answer);
    // The sandbox keeps itself after each answer; what is left is for the panel to bring up to date.
    if (creates) {
      recordCreation(visit, sent.values.CARD_TOKEN, answer.status, answer.json);
      // A used card token is replaced, so the next Send makes a new reserve as the page does.
      restage(browser);
    } else {
      describeValues(browser);
    }
  }

  async function onCopy(): Promise<void> {
    const request = recorded();
    if (!request) return void say(strings.nothingToSend ?? '');
    const current = draft();
    // An id the reader typed in is the command's own; a staged one stays the reader's shell variable.
    let path = request.path;
    for (const name of pathInputs.keys())
      if (current.values[name] !== staged.values[name]) path = path.replace(`{${name}}`, current.values[name] ?? '');
    const headers = request.headers.filter(([name]) => name.toLowerCase() !== current.omit);
    const curl = toCurl({ method: request.method, path, headers, body: current.body });
    curlBox.querySelector('code')!.textContent = curl;
    curlBox.hidden = false;
    try {
      await navigator.clipboard.writeText(curl);
      say(strings.copied ?? '');
    } catch {
      say(strings.copyFailed ?? '');
    }
  }

  async function onReset(): Promise<void> {
    const browser = await ready;
    browser.reset();
    visits.clear();
    visit = {};
    responseBox.hidden = true;
    restage(browser);
    say(strings.reset ?? '');
  }

  async function onNewReserve(): Promise<void> {
    const browser = await ready;
    delete visit.reserveId;
    caseSelect.value = 'documented';
    restage(browser);
    say(fill(strings[newWhat], { id: staged.values.PAYMENT_ID ?? '' }));
  }

  /**
   * Runs the selected tab's own program against this page's sandbox, with the values the case
   * staged (the reserve, the card token), as the verifier runs it with its own; then brings the
   * panel up to date with what the program did, as after a Send.
   */
  async function onRun(): Promise<void> {
    if (!language) return;
    const browser = await ready;
    const during = await runConsole.run({ language });
    const used = staged.values.PAYMENT_ID;
    if (creates) {
      const created = during.find((entry) => entry.method === 'POST' && entry.status === 201);
      if (created) recordCreation(visit, staged.values.CARD_TOKEN, created.status, JSON.parse(created.response));
      restage(browser);
    } else if (used !== undefined && during.some((e) => e.method !== 'GET' && e.status < 300 && e.path.split('/').includes(used))) {
      // The program used the payment up (captured, cancelled, refunded it), as the verifier's runs
      // each use their own: the next Run (or Send) gets a new one, as in CI, rather than an error
      // the page did not ask for.
      delete visit.reserveId;
      restage(browser);
    } else {
      describeValues(browser);
    }
  }

  const actions: Record<string, () => Promise<void>> = {
    send: onSend,
    copy: onCopy,
    reset: onReset,
    'new-reserve': onNewReserve,
    run: onRun,
    stop: async () => runConsole.stop(),
    edit: () => (language ? runConsole.toggleEditor(language) : Promise.resolve()),
    revert: async () => runConsole.revert(),
  };
  panel.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const action = button && actions[button.dataset.action ?? ''];
    if (action) void action();
  });
  caseSelect.addEventListener('change', () => void ready.then(restage));
  for (const input of pathInputs.values()) input.addEventListener('input', () => void ready.then(describeValues));
  onLanguageChange(document, (next) => {
    language = next;
    void runConsole.showLanguage(next);
    fillDraft();
    void ready.then(describeValues);
  });

  // From here on this module answers the panel; the loader steps aside.
  panel.dataset.state = 'ready';
  for (const button of pending) button.click();
}
