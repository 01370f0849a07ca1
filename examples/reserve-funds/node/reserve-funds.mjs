import { randomUUID } from 'node:crypto';
import { MercadoPagoConfig, MercadoPagoError, MPConnectionError, Payment } from 'mercadopago';

const client = new MercadoPagoConfig({ accessToken: process.env.MERCADOPAGO_ACCESS_TOKEN });
const payment = new Payment(client);

try {
  const result = await payment.create({
    body: {
      transaction_amount: 100,
      // The card token your front end created (Card Payment Brick or MercadoPago.js); it is single-use.
      token: process.env.CARD_TOKEN,
      description: 'Reserve',
      installments: 1,
      payment_method_id: 'visa',
      payer: { email: 'test_user_123@testuser.com' },
      // Authorize the amount without charging it: the funds stay reserved until you capture or cancel.
      capture: false,
    },
    // A new key for each reserve: a retry with the same key does not reserve the funds twice.
    requestOptions: { idempotencyKey: randomUUID() },
  });
  // The SDK adds api_response (HTTP status and headers) to the API's JSON body; print the payment itself:
  // status "authorized", status_detail "pending_capture", captured false. Keep its id to capture or cancel.
  const { api_response, ...reserve } = result;
  console.log(JSON.stringify(reserve));
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
