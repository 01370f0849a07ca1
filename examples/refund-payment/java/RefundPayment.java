import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.payment.PaymentRefundClient;
import com.mercadopago.core.MPRequestOptions;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.exceptions.MPException;
import com.mercadopago.resources.payment.PaymentRefund;
import java.util.Map;
import java.util.UUID;

public class RefundPayment {
  public static void main(String[] args) {
    MercadoPagoConfig.setAccessToken(System.getenv("MERCADOPAGO_ACCESS_TOKEN"));
    Long paymentId = Long.parseLong(System.getenv("PAYMENT_ID"));

    // A new key for each refund: a retry with the same key does not refund twice.
    MPRequestOptions requestOptions = MPRequestOptions.builder()
        .customHeaders(Map.of("x-idempotency-key", UUID.randomUUID().toString()))
        .build();

    try {
      // No amount: the whole payment (what is left of it) is refunded.
      PaymentRefund refund = new PaymentRefundClient().refund(paymentId, requestOptions);
      // The API's JSON body: the refund, with status "approved" and amount the refunded amount.
      // PaymentRefund has no getter for some of its fields (amount_refunded_to_payer,
      // metadata), so print the body as it came rather than the object.
      System.out.println(refund.getResponse().getContent());
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
