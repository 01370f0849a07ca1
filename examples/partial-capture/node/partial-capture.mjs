import { randomUUID } from 'node:crypto';
import { MercadoPagoConfig, MercadoPagoError, MPConnectionError, Payment } from 'mercadopago';

const captureAmount = process.env.CAPTURE_AMOUNT ?? '';
// The API wants a JSON number (not a string), at most the reserved amount; the rest of the reserve is released.
if (!/^\d+(\.\d{1,2})?$/.test(captureAmount)) {
  console.error(`CAPTURE_AMOUNT must be an amount like 75 or 75.50, not ${JSON.stringify(captureAmount)}`);
  process.exit(1);
}

const client = new MercadoPagoConfig({ accessToken: process.env.MERCADOPAGO_ACCESS_TOKEN });
const payment = new Payment(client);

try {
  const result = await payment.capture({
    id: process.env.PAYMENT_ID,
    transaction_amount: Number(captureAmount),
    // A new key for each capture: a retry with the same key is not captured twice.
    requestOptions: { idempotencyKey: randomUUID() },
  });
  // The SDK adds api_response (HTTP status and headers) to the API's JSON body; print the payment itself:
  // status "approved", status_detail "accredited", captured true, transaction_amount the captured amount.
  const { api_response, ...captured } = result;
  console.log(JSON.stringify(captured));
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
