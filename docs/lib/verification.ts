/**
 * Reads reports/verify.json (written by `npm run verify`) and decides, per example, what the
 * page may say about it. The rule: never claim more than the report says. An example is
 * "verified" only when the report has a passing entry for that operation, language and file
 * whose sha256 is the sha256 of the file being published.
 */
import { readFile } from 'node:fs/promises';
import { REPORT_FILE, type Report, type Verification as ReportEntry, ReportSchema } from '../../scripts/verify/report-schema.ts';
import en from '../content/i18n/en.json' with { type: 'json' };
import { fill, intlLocale } from './i18n.ts';
import { fromRoot } from './paths.ts';

export type { Report, ReportEntry };

/** What the page may claim about one example (the report entry itself is report-schema.ts's Verification). */
export type Claim =
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
      /** The reason as a UI string (`verification.reason.<key>` in docs/content/i18n/) and its values. */
      why: { key: ReasonKey; values?: Record<string, string> };
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

/** Why an example is not verified: the key of its UI string, `verification.reason.<key>`. */
export type ReasonKey = 'noReport' | 'noRun' | 'otherFile' | 'failed' | 'skipped' | 'changed' | 'noSdk';

/** An English UI string (docs/content/i18n/en.json), for the plain-text forms below. */
const english = (key: string): string => {
  const text = (en as Record<string, string>)[key];
  if (text === undefined) throw new Error(`docs/content/i18n/en.json has no "${key}"`);
  return text;
};

function notVerified(key: ReasonKey, entry?: ReportEntry, values?: Record<string, string>): Claim {
  const reason = fill(english(`verification.reason.${key}`), values);
  return { verified: false, reason, why: values ? { key, values } : { key }, ...(entry ? { entry } : {}) };
}

export function verificationFor(example: ExampleKey, report: Report | undefined): Claim {
  if (!report) return notVerified('noReport');
  const entry = report.results.find((r) => r.operation === example.operation && r.language === example.language);
  if (!entry) return notVerified('noRun');
  if (entry.file !== example.path) return notVerified('otherFile', entry, { file: entry.file, path: example.path });
  if (entry.result !== 'passed') return notVerified(entry.result, entry);
  if (entry.sha256 !== example.sha256) return notVerified('changed', entry);
  if (!entry.sdk) return notVerified('noSdk', entry);
  return { verified: true, date: entry.date, runtime: `${entry.runtime.name} ${entry.runtime.version}`, sdk: entry.sdk };
}

/**
 * The date of a run in the page's language, in UTC so the page does not depend on the build
 * machine's zone: "26 November 2026", "26 de noviembre de 2026", "26 de novembro de 2026"; with
 * `short`, the month abbreviated ("26 Nov 2026"), where a table has little room.
 */
export function formatDate(iso: string, lang = 'en', month: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** The key of the verified line's UI string for this SDK: what ran the example, or no SDK for curl. */
export function verifiedLineKey(sdk: NonNullable<ReportEntry['sdk']>): string {
  return sdk.kind === 'official'
    ? 'verifiedLine.verifiedOfficial'
    : sdk.kind === 'double'
      ? 'verifiedLine.verifiedDouble'
      : 'verifiedLine.verified';
}

/**
 * The whole line as plain text, in English (docs/components/VerifiedLine.astro renders the same
 * UI strings with markup, in the page's language).
 */
export function describe(verification: Claim): string {
  if (!verification.verified) return english('verifiedLine.notVerified');
  return fill(english(verifiedLineKey(verification.sdk)), {
    date: formatDate(verification.date),
    runtime: verification.runtime,
    sdk: `${verification.sdk.name} ${verification.sdk.version}`,
    double: english('verifiedLine.double'),
  });
}
