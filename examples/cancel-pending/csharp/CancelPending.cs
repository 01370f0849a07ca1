// Cancel a pending payment: one that is pending or in process, before any money moved.
// Needs the mercadopago-sdk NuGet package (see CancelPending.csproj) and two environment
// variables: MERCADOPAGO_ACCESS_TOKEN and PAYMENT_ID (the id of the payment to cancel).
using System;
using MercadoPago.Client;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource.Payment;

public static class CancelPending
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        long paymentId = long.Parse(Environment.GetEnvironmentVariable("PAYMENT_ID"));

        // The .NET SDK sends no idempotency key on Cancel (unlike Refund): add one yourself,
        // and reuse the same key if you retry this cancellation.
        var requestOptions = new RequestOptions();
        requestOptions.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());

        var client = new PaymentClient();
        try
        {
            Payment payment = client.Cancel(paymentId, requestOptions);

            // payment.Status is "cancelled", payment.StatusDetail "by_collector".
            // Print the API's JSON answer as received:
            Console.WriteLine(payment.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 400 with cause 2018 when the payment is already approved (refund it instead),
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
