// Capture a reserve: charge the whole amount of an authorized payment created with Capture = false.
// Needs the mercadopago-sdk NuGet package (see CaptureReserve.csproj) and two environment
// variables: MERCADOPAGO_ACCESS_TOKEN and PAYMENT_ID (the id of the reserve to capture).
using System;
using MercadoPago.Client;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource.Payment;

public static class CaptureReserve
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        long paymentId = long.Parse(Environment.GetEnvironmentVariable("PAYMENT_ID"));

        // The .NET SDK sends no idempotency key on Capture: add one yourself,
        // and reuse the same key if you retry this capture.
        var requestOptions = new RequestOptions();
        requestOptions.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());

        var client = new PaymentClient();
        try
        {
            Payment payment = client.Capture(paymentId, requestOptions);

            // payment.Status is "approved", payment.StatusDetail "accredited", payment.Captured true.
            // Print the API's JSON answer as received:
            Console.WriteLine(payment.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 400 with cause 2018 when the payment is no longer a reserve, 404 when the id is unknown.
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
