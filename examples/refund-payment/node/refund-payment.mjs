import { randomUUID } from 'node:crypto';
import { MercadoPagoConfig, MercadoPagoError, MPConnectionError, PaymentRefund } from 'mercadopago';

const client = new MercadoPagoConfig({ accessToken: process.env.MERCADOPAGO_ACCESS_TOKEN });
const refunds = new PaymentRefund(client);

try {
  // total() sends no amount: the API refunds everything that is left of the payment.
  const result = await refunds.total({
    payment_id: process.env.PAYMENT_ID,
    // A new key for each refund: a retry with the same key is not refunded twice.
    requestOptions: { idempotencyKey: randomUUID() },
  });
  // The SDK adds api_response (HTTP status and headers) to the API's JSON body; print the refund itself:
  // amount the whole payment, status "approved". The payment is now refunded.
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
