// List a payment's refunds: every refund made on it, oldest first.
// Needs the mercadopago-sdk NuGet package (see ListRefunds.csproj) and two environment
// variables: MERCADOPAGO_ACCESS_TOKEN and PAYMENT_ID (the id of the payment).
using System;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource;
using MercadoPago.Resource.Payment;

public static class ListRefunds
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        long paymentId = long.Parse(Environment.GetEnvironmentVariable("PAYMENT_ID"));

        // A read: it changes nothing, so it needs no idempotency key.
        var client = new PaymentRefundClient();
        try
        {
            ResourcesList<PaymentRefund> refunds = client.List(paymentId);

            // refunds is a List<PaymentRefund> (empty when the payment has none): refunds.Count,
            // refunds[0].Id, refunds[0].Amount...
            // Print the API's JSON answer, the array, as received:
            Console.WriteLine(refunds.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 404 with cause 2000 when the payment id is unknown.
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
