// The "verified" line's rule: a tab is verified only by a passing report entry for the same
// language, file and bytes; everything else says "Not verified in this build".
import { describe, expect, it } from 'vitest';
import { describe as line, verificationFor, type Report, type ReportEntry } from '../docs/lib/verification.ts';

const example = { id: 'python' as const, path: 'examples/cancel-reserve/python/cancel_reserve.py', sha256: 'a'.repeat(64) };
const entry: ReportEntry = {
  language: 'python',
  file: example.path,
  sha256: example.sha256,
  runtime: { name: 'Python', version: '3.11.7' },
  sdk: { kind: 'official', name: 'mercadopago (PyPI)', version: '3.6.0' },
  result: 'passed',
  date: '2026-11-26T07:26:17.726Z',
};
const report = (...results: ReportEntry[]): Report => ({ results });

describe('verificationFor', () => {
  it('says verified, with date, runtime and SDK, for a passing run of the same bytes', () => {
    expect(line(verificationFor(example, report(entry)))).toBe(
      'Verified on 26 November 2026 with Python 3.11.7 and the official SDK mercadopago (PyPI) 3.6.0',
    );
  });

  it('names an SDK double as a double, and no SDK for curl', () => {
    const double = { ...entry, sdk: { kind: 'double' as const, name: 'mercadopago-sdk', version: '3.3.0' } };
    expect(line(verificationFor(example, report(double)))).toMatch(/and an SDK double of mercadopago-sdk 3\.3\.0$/);
    const none = { ...entry, runtime: { name: 'curl', version: '7.88.1' }, sdk: { kind: 'none' as const, name: 'curl', version: '7.88.1' } };
    expect(line(verificationFor(example, report(none)))).toBe('Verified on 26 November 2026 with curl 7.88.1');
  });

  it.each([
    ['no report', undefined],
    ['no entry for the language', report({ ...entry, language: 'ruby' })],
    ['a failed run', report({ ...entry, result: 'failed' })],
    ['a skipped run', report({ ...entry, result: 'skipped' })],
    ['other bytes', report({ ...entry, sha256: 'b'.repeat(64) })],
    ['another file', report({ ...entry, file: 'examples/cancel-reserve/python/other.py' })],
    ['no date', report({ ...entry, date: null })],
    ['no runtime version', report({ ...entry, runtime: { name: 'Python', version: null } })],
    ['no SDK', report({ ...entry, sdk: null })],
  ])('says "Not verified in this build" for %s', (_case, given) => {
    const verification = verificationFor(example, given);
    expect(verification.verified).toBe(false);
    expect(line(verification)).toBe('Not verified in this build');
  });
});
