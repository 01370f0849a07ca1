/**
 * Reads reports/verify.json (written by `npm run verify`) and decides, per example, what the
 * page may say about it. The rule: never claim more than the report says. A tab is "verified"
 * only when the report has a passing entry for that language and file whose sha256 is the
 * sha256 of the file being published.
 */
import { readFile } from 'node:fs/promises';
import type { Example } from './examples.ts';
import { fromRoot, REPORT_FILE } from './paths.ts';

export interface ReportEntry {
  language: string;
  title?: string;
  file: string;
  sha256: string;
  runtime?: { name: string; version?: string | null } | null;
  sdk?: { kind: 'official' | 'double' | 'none'; name: string; version?: string | null } | null;
  result: 'passed' | 'failed' | 'skipped' | string;
  date?: string | null;
}

export interface Report {
  generatedAt?: string;
  results: ReportEntry[];
}

export type Verification =
  | {
      verified: true;
      /** ISO timestamp of the run. */
      date: string;
      runtime: string;
      sdk: { kind: 'official' | 'double' | 'none'; name: string; version: string };
    }
  | { verified: false; reason: string };

/**
 * The report, or undefined when there is none (or it cannot be read): the site still builds.
 * VERIFIED_DOCS_REPORT names another file (the site's tests build without one this way).
 */
export async function readReport(path = process.env.VERIFIED_DOCS_REPORT || fromRoot(REPORT_FILE)): Promise<Report | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const report = JSON.parse(text) as Report;
    return Array.isArray(report?.results) ? report : undefined;
  } catch {
    return undefined;
  }
}

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export function verificationFor(example: Pick<Example, 'id' | 'path' | 'sha256'>, report: Report | undefined): Verification {
  if (!report) return { verified: false, reason: 'no verification report was found for this build' };
  const entry = report.results.find((r) => r.language === example.id);
  if (!entry) return { verified: false, reason: 'the verification report has no run of this example' };
  if (entry.file !== example.path) return { verified: false, reason: `the report's run was of ${entry.file}, not ${example.path}` };
  if (entry.result !== 'passed') return { verified: false, reason: `its last verification run ${entry.result === 'failed' ? 'failed' : `was ${entry.result}`}` };
  if (entry.sha256 !== example.sha256) return { verified: false, reason: 'the file changed after its last verification run' };
  const date = entry.date ?? null;
  const runtime = entry.runtime;
  const sdk = entry.sdk;
  if (!present(date) || Number.isNaN(Date.parse(date))) return { verified: false, reason: 'the report does not say when it ran' };
  if (!runtime || !present(runtime.name) || !present(runtime.version)) return { verified: false, reason: 'the report does not name the runtime' };
  if (!sdk || !['official', 'double', 'none'].includes(sdk.kind) || !present(sdk.name) || (sdk.kind !== 'none' && !present(sdk.version))) {
    return { verified: false, reason: 'the report does not name the SDK' };
  }
  return {
    verified: true,
    date,
    runtime: `${runtime.name} ${runtime.version}`,
    sdk: { kind: sdk.kind, name: sdk.name, version: sdk.version ?? '' },
  };
}

/** "26 November 2026", in UTC so the page does not depend on the build machine's zone. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** The SDK part of the line: what ran the example, or nothing for curl. */
export function describeSdk(sdk: Extract<Verification, { verified: true }>['sdk']): string | undefined {
  if (sdk.kind === 'official') return `the official SDK ${sdk.name} ${sdk.version}`;
  if (sdk.kind === 'double') return `an SDK double of ${sdk.name} ${sdk.version}`;
  return undefined;
}

/** The whole line as plain text (the component renders the same words with markup). */
export function describe(verification: Verification): string {
  if (!verification.verified) return 'Not verified in this build';
  const sdk = describeSdk(verification.sdk);
  return `Verified on ${formatDate(verification.date)} with ${verification.runtime}${sdk ? ` and ${sdk}` : ''}`;
}
