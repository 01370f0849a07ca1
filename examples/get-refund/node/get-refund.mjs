import { MercadoPagoConfig, MercadoPagoError, MPConnectionError, PaymentRefund } from 'mercadopago';

const client = new MercadoPagoConfig({ accessToken: process.env.MERCADOPAGO_ACCESS_TOKEN });
const refunds = new PaymentRefund(client);

try {
  // A read: it changes nothing, so it needs no idempotency key.
  const result = await refunds.get({
    payment_id: process.env.PAYMENT_ID,
    // The refund's id, as the refund's answer or the payment's refunds list gives it.
    refund_id: process.env.REFUND_ID,
  });
  // The SDK adds api_response (HTTP status and headers) to the API's JSON body; print the refund itself:
  // its amount, status "approved".
  const { api_response, ...refund } = result;
  console.log(JSON.stringify(refund));
} catch (error) {
  if (!(error instanceof MercadoPagoError)) throw error;
  if (error instanceof MPConnectionError) {
    // No answer at all (DNS, refused connection, TLS, timeout), after the SDK's own retries.
    console.error(`Could not reach Mercado Pago: ${error.message}`);
  } else {
    // error.status is the HTTP status (404 for a refund of another payment), error.causes the API's "cause" list.
    console.error(`Mercado Pago API error ${error.status}: ${error.message}`, JSON.stringify(error.causes));
  }
  process.exitCode = 1;
}
