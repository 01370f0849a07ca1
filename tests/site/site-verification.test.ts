// The "verified" line's rule: an example is verified only by a passing report entry for the same
// operation, language, file and bytes; everything else says "Not verified in this build". And a
// report the site cannot read (the shape that scripts/verify/report-schema.ts defines) claims nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describe as line, type Report, type ReportEntry, readReport, verificationFor } from '../../docs/lib/verification.ts';

const example = {
  operation: 'cancel-reserve',
  language: 'python',
  path: 'examples/cancel-reserve/python/cancel_reserve.py',
  sha256: 'a'.repeat(64),
};
const entry: ReportEntry = {
  operation: 'cancel-reserve',
  language: 'python',
  file: example.path,
  sha256: example.sha256,
  runtime: { name: 'Python', version: '3.11.7' },
  sdk: { kind: 'official', name: 'mercadopago (PyPI)', version: '3.6.0' },
  result: 'passed',
  reason: null,
  checks: [],
  durationMs: 412,
  request: null,
  response: null,
  stderrTail: '',
  received: [],
  date: '2026-11-26T07:26:17.726Z',
};
const report = (...results: ReportEntry[]): Report => ({ generatedAt: '2026-11-26T07:26:20.000Z', sdkChoice: 'auto', results });

describe('verificationFor', () => {
  it('says verified, with date, runtime and SDK, for a passing run of the same bytes', () => {
    expect(line(verificationFor(example, report(entry)))).toBe(
      'Verified on 26 November 2026 with Python 3.11.7 and the official SDK mercadopago (PyPI) 3.6.0',
    );
  });

  it('names an SDK double as a double, and no SDK for curl', () => {
    const double = { ...entry, sdk: { kind: 'double' as const, name: 'mercadopago-sdk', version: '3.3.0' } };
    expect(line(verificationFor(example, report(double)))).toMatch(/and an SDK double of mercadopago-sdk 3\.3\.0$/);
    const none = {
      ...entry,
      runtime: { name: 'curl', version: '7.88.1' },
      sdk: { kind: 'none' as const, name: 'curl', version: '7.88.1' },
    };
    expect(line(verificationFor(example, report(none)))).toBe('Verified on 26 November 2026 with curl 7.88.1');
  });

  it.each([
    ['no report', undefined],
    ['no entry for the language', report({ ...entry, language: 'ruby' })],
    ['an entry for another operation only', report({ ...entry, operation: 'capture-reserve' })],
    ['a failed run', report({ ...entry, result: 'failed', reason: 'exited with status 1' })],
    ['a skipped run', report({ ...entry, result: 'skipped' })],
    ['other bytes', report({ ...entry, sha256: 'b'.repeat(64) })],
    ['another file', report({ ...entry, file: 'examples/cancel-reserve/python/other.py' })],
    ['no SDK', report({ ...entry, sdk: null })],
  ])('says "Not verified in this build" for %s', (_case, given) => {
    const verification = verificationFor(example, given);
    expect(verification.verified).toBe(false);
    expect(line(verification)).toBe('Not verified in this build');
  });
});

describe('readReport', () => {
  const roundTrip = async (content: unknown) => {
    const dir = await mkdtemp(join(tmpdir(), 'report-'));
    try {
      const file = join(dir, 'verify.json');
      await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
      return await readReport(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('reads a report the verifier wrote', async () => {
    expect(await roundTrip(report(entry))).toEqual(report(entry));
  });

  it.each([
    ['not JSON', '{"results": ['],
    ['an entry without a date', report({ ...entry, date: undefined as unknown as string })],
    ['an entry without a runtime version', report({ ...entry, runtime: { name: 'Python', version: '' } })],
    ['an unknown language', report({ ...entry, language: 'cobol' as 'python' })],
    ['a short sha256', report({ ...entry, sha256: 'abc' })],
  ])('claims nothing from a report that is %s', async (_case, content) => {
    expect(await roundTrip(content)).toBeUndefined();
  });
});
