import { MercadoPagoConfig, MercadoPagoError, MPConnectionError, PaymentRefund } from 'mercadopago';

const client = new MercadoPagoConfig({ accessToken: process.env.MERCADOPAGO_ACCESS_TOKEN });
const refunds = new PaymentRefund(client);

try {
  // A read: it changes nothing, so it needs no idempotency key.
  const result = await refunds.list({ payment_id: process.env.PAYMENT_ID });
  // The API's JSON array of the payment's refunds, oldest first ([] when there is none). The SDK hangs
  // api_response on the array as a property, which JSON.stringify leaves out; spreading the array into
  // an object to drop it would print {"0": …, "1": …} instead of an array.
  console.log(JSON.stringify(result));
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
