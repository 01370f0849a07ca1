/**
 * Mercado Pago's documented test cards. The cardholder name, not the number,
 * picks the outcome of a payment made with the card.
 */
export interface Outcome {
  status: 'approved' | 'in_process' | 'rejected';
  status_detail: string;
}

export const OUTCOMES: Record<string, Outcome> = {
  APRO: { status: 'approved', status_detail: 'accredited' },
  OTHE: { status: 'rejected', status_detail: 'cc_rejected_other_reason' },
  CONT: { status: 'in_process', status_detail: 'pending_contingency' },
  CALL: { status: 'rejected', status_detail: 'cc_rejected_call_for_authorize' },
  FUND: { status: 'rejected', status_detail: 'cc_rejected_insufficient_amount' },
  SECU: { status: 'rejected', status_detail: 'cc_rejected_bad_filled_security_code' },
  EXPI: { status: 'rejected', status_detail: 'cc_rejected_bad_filled_date' },
  FORM: { status: 'rejected', status_detail: 'cc_rejected_bad_filled_other' },
};

/**
 * Guess (not documented): a name outside the table is approved, as `APRO`.
 * The sandbox's README says so.
 */
export function outcomeFor(cardholderName: string): Outcome {
  return OUTCOMES[cardholderName.trim().toUpperCase()] ?? OUTCOMES.APRO!;
}

export interface TestCard {
  /** The brand, as `payment_method_id` names it; null for a number whose brand the sandbox cannot tell. */
  payment_method_id: string | null;
  issuer_id: string;
  number: string;
}

type Brand = 'visa' | 'master' | 'amex';

/**
 * Mercado Pago's published test cards, by country (its test-card tables: sandbox/README.md
 * names the page). Any of them makes a card token of its brand; the cardholder name still picks
 * the outcome. The issuer is one per brand, a simplification: the real ones differ by country.
 */
export const TEST_CARD_NUMBERS: Record<string, Partial<Record<Brand, string>>> = {
  Argentina: { visa: '4509953566233704', master: '5031755734530604', amex: '371180303257522' },
  Brazil: { visa: '4235647728025682', master: '5031433215406351', amex: '375365153556885' },
  Chile: { visa: '4168818844447115', master: '5416752602582580', amex: '375778174461804' },
  Colombia: { visa: '4013540682746260', master: '5254133674403564', amex: '374378187755283' },
  Mexico: { visa: '4075595716483764', master: '5474925432670366' },
  Peru: { visa: '4009175332806176' },
  Uruguay: { visa: '4157236211736486', master: '5161441315852061' },
};

const ISSUERS: Record<Brand, string> = { visa: '310', master: '3', amex: '1' };

export const TEST_CARDS: TestCard[] = Object.values(TEST_CARD_NUMBERS).flatMap((cards) =>
  Object.entries(cards).map(([brand, number]) => ({ payment_method_id: brand, issuer_id: ISSUERS[brand as Brand], number })),
);

/**
 * The brand by the number's first digits (the card networks' ranges): Visa 4, Mastercard
 * 51–55 and 2221–2720, American Express 34 and 37. Anything else is a brand the sandbox does
 * not know, and a payment with it must name its `payment_method_id`.
 */
export function brandOf(number: string): Brand | undefined {
  if (/^4/.test(number)) return 'visa';
  const two = Number(number.slice(0, 2));
  const four = Number(number.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'master';
  if (two === 34 || two === 37) return 'amex';
  return undefined;
}

/** The card a reader types into the card form in test mode: the documented Visa, any future expiry, CVV 123. */
export const TEST_CARD = {
  card_number: '4509953566233704',
  expiration_month: 11,
  expiration_year: 2030,
  security_code: '123',
  cardholder: { name: 'APRO', identification: { type: 'DNI', number: '12345678' } },
};

/** A reserve's body, as the guides send it, but for the card token. */
export const RESERVE_BODY = {
  transaction_amount: 100,
  description: 'Reserve',
  installments: 1,
  payment_method_id: 'visa',
  payer: { email: 'test_user_123@testuser.com' },
  capture: false,
};

/**
 * A test card, or any other number that passes the Luhn check, typed by its first digits: the
 * sandbox never charges a card.
 */
export function cardFor(number: string): TestCard | undefined {
  const known = TEST_CARDS.find((card) => card.number === number);
  if (known) return known;
  if (!luhn(number)) return undefined;
  const brand = brandOf(number);
  return { payment_method_id: brand ?? null, issuer_id: brand ? ISSUERS[brand] : '0', number };
}

function luhn(number: string): boolean {
  if (!/^\d{13,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
