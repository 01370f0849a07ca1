import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.payment.PaymentRefundClient;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.exceptions.MPException;
import com.mercadopago.resources.payment.PaymentRefund;

public class GetRefund {
  public static void main(String[] args) {
    MercadoPagoConfig.setAccessToken(System.getenv("MERCADOPAGO_ACCESS_TOKEN"));
    Long paymentId = Long.parseLong(System.getenv("PAYMENT_ID"));
    // Refund ids, like payment ids, outgrow an int: parse them as Long.
    Long refundId = Long.parseLong(System.getenv("REFUND_ID"));

    try {
      // A read changes nothing, so it needs no idempotency key.
      PaymentRefund refund = new PaymentRefundClient().get(paymentId, refundId);
      // The API's JSON body: the refund, with its amount and status. PaymentRefund has no
      // getter for some of its fields (amount_refunded_to_payer, metadata), so print the
      // body as it came rather than the object.
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
