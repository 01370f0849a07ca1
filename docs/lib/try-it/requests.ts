/**
 * Build time: the request each code tab of an operation sends, as the verifier recorded it
 * (reports/verify.json, `request`), under the same rule as the verified line: shown only when
 * the report has a passing run of these exact bytes (docs/lib/verification.ts). Otherwise the
 * panel says why, as the line under the tab does.
 */
import type { SdkInfo, SentRequest } from '../../../scripts/verify/report-schema.ts';
import { type Example, loadExamples } from '../examples.ts';
import { type Claim, type Report, readReport, verificationFor } from '../verification.ts';
import { browserCanSend } from './browser-headers.ts';

export interface ShownHeader {
  name: string;
  value: string;
  /** False for a header the SDK sent that a page's fetch cannot (./browser-headers.ts). */
  fromBrowser: boolean;
}

export type ShownRequest =
  | { example: Example; shown: true; method: string; path: string; headers: ShownHeader[]; body: string; sdk: SdkInfo }
  | { example: Example; shown: false; why: Extract<Claim, { verified: false }>['why'] | { key: 'noRequest' } };

export async function requestsFor(operation: string, report?: Report): Promise<ShownRequest[]> {
  const examples = await loadExamples(operation);
  const read = report ?? (await readReport());
  return examples.map((example) => shownRequest(example, read));
}

export function shownRequest(example: Example, report: Report | undefined): ShownRequest {
  const verification = verificationFor({ ...example, language: example.language.id }, report);
  if (!verification.verified) return { example, shown: false, why: verification.why };
  // verificationFor found a passing run of these bytes: it is this entry.
  const entry = report?.results.find((r) => r.operation === example.operation && r.language === example.language.id);
  const request: SentRequest | null | undefined = entry?.request;
  // A report written before requests were recorded, or a run that sent none.
  if (!request) return { example, shown: false, why: { key: 'noRequest' } };
  return {
    example,
    shown: true,
    method: request.method,
    path: request.path,
    headers: request.headers.map(([name, value]) => ({ name, value, fromBrowser: browserCanSend(name) })),
    body: request.body,
    sdk: verification.sdk,
  };
}
