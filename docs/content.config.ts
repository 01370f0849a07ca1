import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

/**
 * The site's own UI strings, beside Starlight's: docs/content/i18n/<lang>.json (en, es, pt-BR),
 * read by the components through `Astro.locals.t`. `{{name}}` marks a value the component fills
 * in (docs/components/I18nText.astro). Every key is optional here, as Starlight's own are, so a
 * locale may lag without breaking the build; tests/site/site-i18n.test.ts fails when one does.
 *
 * English text that lives in the project's declarations stays there (an operation's inputs in
 * examples/<op>/operation.json, an SDK's requirement in examples/languages.ts); its translations
 * are keys named after the entry: `inputs.<operation>.<VARIABLE>`, `sdk.requires.<language>`.
 * Those and other components' keys (e.g. `tryIt.*`) pass through Starlight's loose schema.
 */
const siteStrings = z
  .object({
    'verifiedLine.verified': z.string(),
    'verifiedLine.verifiedOfficial': z.string(),
    'verifiedLine.verifiedDouble': z.string(),
    'verifiedLine.double': z.string(),
    'verifiedLine.doubleHref': z.string(),
    'verifiedLine.notVerified': z.string(),
    'verification.reason.noReport': z.string(),
    'verification.reason.noRun': z.string(),
    'verification.reason.otherFile': z.string(),
    'verification.reason.failed': z.string(),
    'verification.reason.skipped': z.string(),
    'verification.reason.changed': z.string(),
    'verification.reason.noSdk': z.string(),
    'environment.title': z.string(),
    'runTabs.inDir': z.string(),
    'runTabs.inDirWithManifest': z.string(),
    'runTabs.requires': z.string(),
    'errorEnvelope.400': z.string(),
    'errorEnvelope.401': z.string(),
    'errorEnvelope.404': z.string(),
    'verificationNotes.how': z.string(),
    'verificationNotes.link': z.string(),
    'verificationNotes.givenReserve': z.string(),
    'verificationNotes.givenCardToken': z.string(),
    'verificationNotes.noReport': z.string(),
    'verificationNotes.summary': z.string(),
    'verificationNotes.summaryNotVerified': z.string(),
    'verificationNotes.doublesOne': z.string(),
    'verificationNotes.doublesOther': z.string(),
    'verificationNotes.doublesLabel': z.string(),
    'matrix.summary': z.string(),
    'matrix.noReport': z.string(),
    'matrix.caption': z.string(),
    'matrix.operation': z.string(),
    'matrix.verified': z.string(),
    'matrix.failed': z.string(),
    'matrix.notVerified': z.string(),
    'matrix.sdk.official': z.string(),
    'matrix.sdk.double': z.string(),
    'matrix.sdk.none': z.string(),
  })
  .partial();

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: siteStrings }) }),
};
