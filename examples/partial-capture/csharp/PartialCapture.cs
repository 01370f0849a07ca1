// Capture part of a reserve: charge less than the authorized amount; the rest is released.
// Needs the mercadopago-sdk NuGet package (see PartialCapture.csproj) and three environment
// variables: MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (the id of the reserve to capture) and
// CAPTURE_AMOUNT (the amount to capture, e.g. "75", no more than the reserve).
using System;
using System.Globalization;
using MercadoPago.Client;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource.Payment;

public static class PartialCapture
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        long paymentId = long.Parse(Environment.GetEnvironmentVariable("PAYMENT_ID"));
        // Invariant culture: "75.50" means 75.50 whatever the machine's locale. decimal keeps cents exact.
        decimal captureAmount = decimal.Parse(Environment.GetEnvironmentVariable("CAPTURE_AMOUNT"), CultureInfo.InvariantCulture);

        // The .NET SDK sends no idempotency key on Capture: add one yourself,
        // and reuse the same key if you retry this capture.
        var requestOptions = new RequestOptions();
        requestOptions.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());

        var client = new PaymentClient();
        try
        {
            Payment payment = client.Capture(paymentId, captureAmount, requestOptions);

            // payment.Status is "approved", payment.StatusDetail "accredited", payment.Captured true,
            // payment.TransactionAmount the captured amount.
            // Print the API's JSON answer as received:
            Console.WriteLine(payment.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 400 with cause 2017 when the amount is more than the reserve,
            // 400 with cause 2018 when the payment is no longer a reserve, 404 when the id is unknown.
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
