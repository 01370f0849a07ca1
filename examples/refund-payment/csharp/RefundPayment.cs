// Refund a payment in full: give back everything that has not been refunded yet.
// Needs the mercadopago-sdk NuGet package (see RefundPayment.csproj) and two environment
// variables: MERCADOPAGO_ACCESS_TOKEN and PAYMENT_ID (the id of the approved payment to refund).
using System;
using MercadoPago.Client;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource.Payment;

public static class RefundPayment
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        long paymentId = long.Parse(Environment.GetEnvironmentVariable("PAYMENT_ID"));

        // Refund would generate a key itself, a new one on every call; setting your own lets you
        // reuse it when you retry, so that a retry never refunds twice.
        var requestOptions = new RequestOptions();
        requestOptions.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());

        var client = new PaymentRefundClient();
        try
        {
            // Without an amount: a refund of all that is left (the request body is {}).
            PaymentRefund refund = client.Refund(paymentId, requestOptions);

            // refund.Status is "approved", refund.Amount what was given back; the payment is now
            // "refunded". Keep refund.Id to read this refund later.
            // Print the API's JSON answer as received (PaymentRefund has no property for some of its fields):
            Console.WriteLine(refund.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 400 with cause 2063 when nothing is left to refund or the payment is not approved,
            // 404 when the id is unknown.
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
