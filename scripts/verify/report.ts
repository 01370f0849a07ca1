import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { language } from '../../examples/languages.ts';
import { REPORT_FILE, type Report, ReportSchema, type Verification } from './report-schema.ts';
import { ROOT } from './runner.ts';

export const REPORT_JSON = join(ROOT, REPORT_FILE);

/**
 * `reports/verify.json` (the site reads it) and `reports/verify.junit.xml` (for CI tools), or another
 * JSON file and its `.junit.xml` beside it. Refuses to write a report the site could not read.
 */
export async function writeReports(report: Report, file = REPORT_JSON): Promise<void> {
  const checked = ReportSchema.parse(report);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, `${JSON.stringify(checked, null, 2)}\n`);
  await writeFile(file.replace(/\.json$/, '.junit.xml'), junit(checked.results));
}

/** The report on disk, if there is one this version can read. */
export async function readPreviousReport(file = REPORT_JSON): Promise<Report | undefined> {
  try {
    const parsed = ReportSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function junit(results: Verification[]): string {
  const count = (result: Verification['result']) => results.filter((r) => r.result === result).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  const cases = results.map((r) => {
    const name = `${r.operation} · ${language(r.language).label}: ${r.file}`;
    const props = `runtime=${r.runtime.name} ${r.runtime.version}; sdk=${r.sdk ? `${r.sdk.kind} ${r.sdk.name} ${r.sdk.version}` : 'none'}`;
    const body =
      r.result === 'failed'
        ? `<failure message="${xml(r.reason ?? '')}">${xml([...r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`), '', ...r.received, '', r.stderrTail].join('\n'))}</failure>`
        : r.result === 'skipped'
          ? `<skipped message="${xml(r.reason ?? '')}"/>`
          : '';
    return `    <testcase classname="${r.operation}.${r.language}" name="${xml(name)}" time="${seconds(r.durationMs)}"><system-out>${xml(props)}</system-out>${body}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${seconds(total)}">`,
    `  <testsuite name="verify examples" tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
