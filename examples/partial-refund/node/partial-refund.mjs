import { randomUUID } from 'node:crypto';
import { MercadoPagoConfig, MercadoPagoError, MPConnectionError, PaymentRefund } from 'mercadopago';

const refundAmount = process.env.REFUND_AMOUNT ?? '';
// The API wants a JSON number (not a string), at most what is left of the payment.
if (!/^\d+(\.\d{1,2})?$/.test(refundAmount)) {
  console.error(`REFUND_AMOUNT must be an amount like 25 or 25.50, not ${JSON.stringify(refundAmount)}`);
  process.exit(1);
}

const client = new MercadoPagoConfig({ accessToken: process.env.MERCADOPAGO_ACCESS_TOKEN });
const refunds = new PaymentRefund(client);

try {
  // Mind the body: create() without one is a full refund, not an error.
  const result = await refunds.create({
    payment_id: process.env.PAYMENT_ID,
    body: { amount: Number(refundAmount) },
    // A new key for each refund: a retry with the same key is not refunded twice. Pass one on every call:
    // the SDK keeps the last key on the client, and a next refund sent without one would replay this one.
    requestOptions: { idempotencyKey: randomUUID() },
  });
  // The SDK adds api_response (HTTP status and headers) to the API's JSON body; print the refund itself:
  // amount the refunded amount, status "approved". The payment stays approved, "partially_refunded".
  const { api_response, ...refund } = result;
  console.log(JSON.stringify(refund));
} catch (error) {
  if (!(error instanceof MercadoPagoError)) throw error;
  if (error instanceof MPConnectionError) {
    // No answer at all (DNS, refused connection, TLS, timeout), after the SDK's own retries.
    console.error(`Could not reach Mercado Pago: ${error.message}`);
  } else {
    // error.status is the HTTP status, error.causes the API's "cause" list.
    console.error(`Mercado Pago API error ${error.status}: ${error.message}`, JSON.stringify(error.causes));
  }
  process.exitCode = 1;
}
