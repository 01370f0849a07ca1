/**
 * What the built pages must say in each locale, written out here rather than read from the
 * site's UI strings (docs/content/i18n/), so a page that says it in the wrong language, or in
 * none, fails: the verified line under a code tab, and a few words the tests look for. Dates are
 * the locale's own long form, in UTC (English pages write British dates, as they always have).
 * Used by tests/site/site-build.test.ts and tests/browser/i18n.test.ts.
 */
import type { SiteLocale } from '../../docs/lib/locales.ts';
import type { Verification as ReportEntry } from '../../scripts/verify/report-schema.ts';

export interface LocaleWords {
  verified: (date: string, runtime: string) => string;
  official: (sdk: string) => string;
  double: (sdk: string) => string;
  notVerified: string;
  /**
   * The sentences that may introduce the documented response: on the English reserve pages,
   * Mercado Pago's own, which they quote; on every other page, the site's.
   */
  response: string[];
  /** A word that finds the Refund a payment page in this locale's search. */
  refund: string;
  /** The "What goes wrong" section's anchor on a guide page. */
  whatGoesWrong: string;
  /** A word that finds the Cancel page in this locale's search. */
  cancel: string;
  dateLocale: string;
}

export const WORDS: Record<SiteLocale['lang'], LocaleWords> = {
  en: {
    verified: (date, runtime) => `Verified on ${date} with ${runtime}`,
    official: (sdk) => ` and the official SDK ${sdk}`,
    double: (sdk) => ` and an SDK double of ${sdk}`,
    notVerified: 'Not verified in this build',
    response: ['The response will show the following result', 'This is how the API answers:'],
    refund: 'refund',
    whatGoesWrong: 'what-goes-wrong',
    cancel: 'cancel',
    dateLocale: 'en-GB',
  },
  es: {
    verified: (date, runtime) => `Verificado el ${date} con ${runtime}`,
    official: (sdk) => ` y el SDK oficial ${sdk}`,
    double: (sdk) => ` y un doble del SDK de ${sdk}`,
    notVerified: 'No verificado en esta compilación',
    response: ['Así responde la API:'],
    refund: 'reembolso',
    whatGoesWrong: 'qué-puede-salir-mal',
    cancel: 'cancelar',
    dateLocale: 'es',
  },
  'pt-BR': {
    verified: (date, runtime) => `Verificado em ${date} com ${runtime}`,
    official: (sdk) => ` e o SDK oficial ${sdk}`,
    double: (sdk) => ` e um dublê do SDK de ${sdk}`,
    notVerified: 'Não verificado nesta compilação',
    response: ['Assim responde a API:'],
    refund: 'estorno',
    whatGoesWrong: 'o-que-pode-dar-errado',
    cancel: 'cancelar',
    dateLocale: 'pt-BR',
  },
};

/** The line a page in this locale must show for a passing report entry that names its SDK. */
export function expectedLine(lang: SiteLocale['lang'], entry: ReportEntry): string {
  const words = WORDS[lang];
  const date = new Intl.DateTimeFormat(words.dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(entry.date),
  );
  const sdk = `${entry.sdk!.name} ${entry.sdk!.version}`;
  const tail = entry.sdk!.kind === 'official' ? words.official(sdk) : entry.sdk!.kind === 'double' ? words.double(sdk) : '';
  return `${words.verified(date, `${entry.runtime.name} ${entry.runtime.version}`)}${tail}`;
}
