/**
 * Reads reports/verify.json (written by `npm run verify`) and decides, per example, what the
 * page may say about it. The rule: never claim more than the report says. An example is
 * "verified" only when the report has a passing entry for that operation, language and file
 * whose sha256 is the sha256 of the file being published.
 */
import { readFile } from 'node:fs/promises';
import { REPORT_FILE, ReportSchema, type Report, type Verification as ReportEntry } from '../../scripts/verify/report-schema.ts';
import { fromRoot } from './paths.ts';

export type { Report, ReportEntry };

/** What the page may say about one example. */
export type Verification =
  | {
      verified: true;
      /** ISO timestamp of the run. */
      date: string;
      runtime: string;
      sdk: NonNullable<ReportEntry['sdk']>;
    }
  | {
      verified: false;
      reason: string;
      /** The report's entry for this example, when there is one (a failed run, or other bytes). */
      entry?: ReportEntry;
    };

/**
 * The report, or undefined when there is none or it is not a report this site can read:
 * the site still builds, and claims nothing. VERIFIED_DOCS_REPORT names another file
 * (the site's tests build without one this way).
 */
export async function readReport(path = process.env.VERIFIED_DOCS_REPORT || fromRoot(REPORT_FILE)): Promise<Report | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = ReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface ExampleKey {
  operation: string;
  language: string;
  path: string;
  sha256: string;
}

export function verificationFor(example: ExampleKey, report: Report | undefined): Verification {
  if (!report) return { verified: false, reason: 'no verification report was found for this build' };
  const entry = report.results.find((r) => r.operation === example.operation && r.language === example.language);
  if (!entry) return { verified: false, reason: 'the verification report has no run of this example' };
  if (entry.file !== example.path) return { verified: false, reason: `the report's run was of ${entry.file}, not ${example.path}`, entry };
  if (entry.result !== 'passed') {
    return { verified: false, reason: `its last verification run ${entry.result === 'failed' ? 'failed' : `was ${entry.result}`}`, entry };
  }
  if (entry.sha256 !== example.sha256) return { verified: false, reason: 'the file changed after its last verification run', entry };
  if (!entry.sdk) return { verified: false, reason: 'the report does not name the SDK', entry };
  return { verified: true, date: entry.date, runtime: `${entry.runtime.name} ${entry.runtime.version}`, sdk: entry.sdk };
}

/** "26 November 2026", in UTC so the page does not depend on the build machine's zone. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** The SDK part of the line: what ran the example, or nothing for curl. */
export function describeSdk(sdk: NonNullable<ReportEntry['sdk']>): string | undefined {
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
