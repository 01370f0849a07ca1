// Get one refund of a payment.
// Needs the mercadopago-sdk NuGet package (see GetRefund.csproj) and three environment
// variables: MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (the id of the refunded payment) and
// REFUND_ID (the refund's id, from the refund's answer or the payment's list of refunds).
using System;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource.Payment;

public static class GetRefund
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        long paymentId = long.Parse(Environment.GetEnvironmentVariable("PAYMENT_ID"));
        // A long, as payment ids are: refund ids go past what an int holds.
        long refundId = long.Parse(Environment.GetEnvironmentVariable("REFUND_ID"));

        // A read: it changes nothing, so it needs no idempotency key.
        var client = new PaymentRefundClient();
        try
        {
            PaymentRefund refund = client.Get(paymentId, refundId);

            // refund.Status is "approved", refund.Amount the refunded amount.
            // Print the API's JSON answer as received (PaymentRefund has no property for some of its fields):
            Console.WriteLine(refund.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 404 with cause 2032 when the payment has no refund with that id,
            // 404 with cause 2000 when the payment id is unknown.
            Console.Error.WriteLine("Mercado Pago API error " + e.StatusCode + ": " + e.ApiResponse.Content);
            return 1;
        }
        catch (MercadoPagoException e)
        {
            // No answer from the API (network, TLS, timeout).
            Console.Error.WriteLine("Could not reach Mercado Pago: " + e.GetBaseException().Message);
            return 1;
        }
    }
}
