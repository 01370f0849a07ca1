import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.payment.PaymentClient;
import com.mercadopago.core.MPRequestOptions;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.exceptions.MPException;
import com.mercadopago.resources.payment.Payment;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

public class PartialCapture {
  public static void main(String[] args) {
    MercadoPagoConfig.setAccessToken(System.getenv("MERCADOPAGO_ACCESS_TOKEN"));
    Long paymentId = Long.parseLong(System.getenv("PAYMENT_ID"));
    // At most the reserved amount; the rest of the reserve is released. BigDecimal keeps cents exact.
    BigDecimal captureAmount = new BigDecimal(System.getenv("CAPTURE_AMOUNT"));

    // A new key for each capture: a retry with the same key is not captured twice.
    MPRequestOptions requestOptions = MPRequestOptions.builder()
        .customHeaders(Map.of("x-idempotency-key", UUID.randomUUID().toString()))
        .build();

    try {
      Payment payment = new PaymentClient().capture(paymentId, captureAmount, requestOptions);
      // The API's JSON body: status "approved", status_detail "accredited", captured true,
      // transaction_amount the captured amount.
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
