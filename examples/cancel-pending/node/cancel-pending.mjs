import { randomUUID } from 'node:crypto';
import { MercadoPagoConfig, MercadoPagoError, MPConnectionError, Payment } from 'mercadopago';

const client = new MercadoPagoConfig({ accessToken: process.env.MERCADOPAGO_ACCESS_TOKEN });
const payment = new Payment(client);

try {
  // Only a pending or in-process payment can be cancelled; an approved one is refunded instead.
  const result = await payment.cancel({
    id: process.env.PAYMENT_ID,
    // A new key for each cancellation: a retry with the same key is not cancelled twice.
    requestOptions: { idempotencyKey: randomUUID() },
  });
  // The SDK adds api_response (HTTP status and headers) to the API's JSON body; print the payment itself:
  // status "cancelled", status_detail "by_collector".
  const { api_response, ...cancelled } = result;
  console.log(JSON.stringify(cancelled));
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
