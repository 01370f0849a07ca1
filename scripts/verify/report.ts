import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './runner.ts';
import type { Verification } from './verify-file.ts';

export const REPORTS = join(ROOT, 'reports');
export const REPORT_JSON = join(REPORTS, 'verify.json');

export interface Report {
  generatedAt: string;
  sdkChoice: string;
  results: Verification[];
}

/** `reports/verify.json` (the site reads it) and `reports/verify.junit.xml` (for CI tools). */
export async function writeReports(report: Report): Promise<void> {
  await mkdir(REPORTS, { recursive: true });
  await writeFile(REPORT_JSON, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(REPORTS, 'verify.junit.xml'), junit(report.results));
}

function junit(results: Verification[]): string {
  const count = (result: Verification['result']) => results.filter((r) => r.result === result).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  const cases = results.map((r) => {
    const name = `${r.title}: ${r.file}`;
    const props = `runtime=${r.runtime.name} ${r.runtime.version}; sdk=${r.sdk ? `${r.sdk.kind} ${r.sdk.name} ${r.sdk.version}` : 'none'}`;
    const body =
      r.result === 'failed'
        ? `<failure message="${xml(r.reason ?? '')}">${xml([...r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`), '', ...r.received, '', r.stderrTail].join('\n'))}</failure>`
        : r.result === 'skipped'
          ? `<skipped message="${xml(r.reason ?? '')}"/>`
          : '';
    return `    <testcase classname="cancel-reserve.${r.language}" name="${xml(name)}" time="${seconds(r.durationMs)}"><system-out>${xml(props)}</system-out>${body}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${seconds(total)}">`,
    `  <testsuite name="verify cancel-reserve examples" tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
