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
  payment_method_id: string;
  issuer_id: string;
  number: string;
}

export const TEST_CARDS: TestCard[] = [
  { payment_method_id: 'visa', issuer_id: '310', number: '4509953566233704' },
  { payment_method_id: 'master', issuer_id: '3', number: '5031755734530604' },
  { payment_method_id: 'amex', issuer_id: '1', number: '371180303257522' },
];

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

/** Any other number that passes the Luhn check is taken as a Visa: the sandbox never charges a card. */
export function cardFor(number: string): TestCard | undefined {
  const known = TEST_CARDS.find((card) => card.number === number);
  if (known) return known;
  return luhn(number) ? { payment_method_id: 'visa', issuer_id: '310', number } : undefined;
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
