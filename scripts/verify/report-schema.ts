/**
 * The shape of reports/verify.json: the verifier writes it, the site reads it, and both go
 * through this one schema. Pure data (zod only), so the site's build can import it.
 */
import { z } from 'zod';
import { LANGUAGES, type LanguageId } from '../../examples/languages.ts';

export const REPORT_FILE = 'reports/verify.json';

const languageIds = LANGUAGES.map((l) => l.id) as [LanguageId, ...LanguageId[]];

export const SdkInfoSchema = z.object({
  /** `official`: the published SDK; `double`: our stand-in for it; `none`: no SDK (curl). */
  kind: z.enum(['official', 'double', 'none']),
  name: z.string().min(1),
  version: z.string().min(1),
});

export const CheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  /** What was seen, in words a reader of the docs understands. */
  detail: z.string(),
});

/**
 * The operation's request as the program put it on the wire, recorded by the sandbox: the SDK's
 * own headers and its exact body. The access token, the idempotency key and the inputs the
 * sandbox made for the run (PAYMENT_ID, CARD_TOKEN) are written as `{NAME}` placeholders.
 */
export const SentRequestSchema = z.object({
  method: z.string(),
  /** With `{PAYMENT_ID}` where the run's id was. */
  path: z.string(),
  /** Lower-cased names, in the order received; without the connection's own (host, content-length, connection). */
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: z.string(),
});

/** One program's run: which operation and language, which exact bytes, and what came of it. */
export const VerificationSchema = z.object({
  operation: z.string().min(1),
  language: z.enum(languageIds),
  /** The program, relative to the project's root. */
  file: z.string().min(1),
  /** The program's sha256 when it was verified: the site shows a result only for these exact bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  runtime: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  sdk: SdkInfoSchema.nullable(),
  result: z.enum(['passed', 'failed', 'skipped']),
  /** Why it failed or was skipped, in a reader's words. */
  reason: z.string().nullable(),
  checks: z.array(CheckSchema),
  durationMs: z.number().nonnegative(),
  /** How long the run with the API down took, when there was one: the next verification starts the longest first. */
  downDurationMs: z.number().nonnegative().optional(),
  /** The JSON the program printed, when it printed JSON. */
  response: z.unknown(),
  stderrTail: z.string(),
  /** What the sandbox received, one line a request. */
  received: z.array(z.string()),
  /** The operation's request as this program sent it; null when it sent none. */
  request: SentRequestSchema.nullable(),
  date: z.iso.datetime(),
});

export const ReportSchema = z.object({
  generatedAt: z.iso.datetime(),
  sdkChoice: z.enum(['real', 'double', 'auto']),
  results: z.array(VerificationSchema),
});

export type SdkInfo = z.infer<typeof SdkInfoSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Verification = z.infer<typeof VerificationSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type SentRequest = z.infer<typeof SentRequestSchema>;
