import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.payment.PaymentRefundClient;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.exceptions.MPException;
import com.mercadopago.net.MPResourceList;
import com.mercadopago.resources.payment.PaymentRefund;

public class ListRefunds {
  public static void main(String[] args) {
    MercadoPagoConfig.setAccessToken(System.getenv("MERCADOPAGO_ACCESS_TOKEN"));
    Long paymentId = Long.parseLong(System.getenv("PAYMENT_ID"));

    try {
      // A read changes nothing, so it needs no idempotency key.
      MPResourceList<PaymentRefund> refunds = new PaymentRefundClient().list(paymentId);
      // The API's JSON body: an array of the payment's refunds ([] if it has none).
      // getResults() holds only the fields PaymentRefund declares; the body holds them all.
      System.out.println(refunds.getResponse().getContent());
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
