import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.payment.PaymentClient;
import com.mercadopago.client.payment.PaymentCreateRequest;
import com.mercadopago.client.payment.PaymentPayerRequest;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.exceptions.MPException;
import com.mercadopago.resources.payment.Payment;
import java.math.BigDecimal;

public class ReserveFunds {
  public static void main(String[] args) {
    MercadoPagoConfig.setAccessToken(System.getenv("MERCADOPAGO_ACCESS_TOKEN"));

    PaymentCreateRequest request = PaymentCreateRequest.builder()
        .transactionAmount(new BigDecimal("100"))
        // The card token your front end created (Card Payment Brick or MercadoPago.js); it is single-use.
        .token(System.getenv("CARD_TOKEN"))
        .description("Reserve")
        .installments(1)
        .paymentMethodId("visa")
        .payer(PaymentPayerRequest.builder().email("test_user_123@testuser.com").build())
        // Authorize the amount without charging it: the funds stay reserved until you capture or cancel.
        .capture(false)
        .build();

    try {
      // create() puts a new X-Idempotency-Key of its own on every call. Do not also pass one in
      // MPRequestOptions.customHeaders: sdk-java 3.2.1 then sends both keys, and the request is refused.
      Payment payment = new PaymentClient().create(request);
      // The API's JSON body: status "authorized", status_detail "pending_capture", captured false.
      // Keep its id to capture or cancel the reserve.
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
