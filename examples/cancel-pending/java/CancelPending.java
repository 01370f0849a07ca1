import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.payment.PaymentClient;
import com.mercadopago.core.MPRequestOptions;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.exceptions.MPException;
import com.mercadopago.resources.payment.Payment;
import java.util.Map;
import java.util.UUID;

public class CancelPending {
  public static void main(String[] args) {
    MercadoPagoConfig.setAccessToken(System.getenv("MERCADOPAGO_ACCESS_TOKEN"));
    Long paymentId = Long.parseLong(System.getenv("PAYMENT_ID"));

    // A new key for each cancellation: a retry with the same key is not cancelled twice.
    MPRequestOptions requestOptions = MPRequestOptions.builder()
        .customHeaders(Map.of("x-idempotency-key", UUID.randomUUID().toString()))
        .build();

    try {
      // Only a payment not yet approved (pending, in_process, authorized) can be cancelled:
      // an approved one answers 400 (cause 2018), and is given back with a refund instead.
      Payment payment = new PaymentClient().cancel(paymentId, requestOptions);
      // The API's JSON body: the payment, with status "cancelled", status_detail "by_collector".
      System.out.println(payment.getResponse().getContent());
    } catch (MPApiException e) {
      String body = e.getApiResponse().getContent();
      if (body == null || body.isEmpty()) {
        // sdk-java reports a failed connection (DNS, refused, TLS, timeout) as an API error
        // with status 500 (400, 403 for some) and no body, and only logs the cause.
        System.err.println("Could not reach Mercado Pago: no answer (the SDK reports status "
            + e.getStatusCode() + " with an empty body)");
      } else {
        System.err.println("Mercado Pago API error " + e.getStatusCode() + ": " + body);
      }
      System.exit(1);
    } catch (MPException e) {
      System.err.println("Request failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
