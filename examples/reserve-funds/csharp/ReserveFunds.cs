// Reserve funds: authorize a card payment without capturing it (Capture = false).
// Needs the mercadopago-sdk NuGet package (see ReserveFunds.csproj) and two environment
// variables: MERCADOPAGO_ACCESS_TOKEN and CARD_TOKEN (the card token from Mercado Pago's card form).
using System;
using MercadoPago.Client;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource.Payment;

public static class ReserveFunds
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");

        var request = new PaymentCreateRequest
        {
            TransactionAmount = 100,
            // The card token your front end created (Card Payment Brick or MercadoPago.js); it is single-use.
            Token = Environment.GetEnvironmentVariable("CARD_TOKEN"),
            Description = "Reserve",
            Installments = 1,
            PaymentMethodId = "visa",
            Payer = new PaymentPayerRequest { Email = "test_user_123@testuser.com" },
            // Authorize the amount without charging it: the funds stay reserved until you capture or cancel.
            Capture = false,
        };

        // A new key for each reserve: a retry with the same key does not reserve the funds twice.
        // (Create would generate one itself; setting your own lets you reuse it when you retry.)
        var requestOptions = new RequestOptions();
        requestOptions.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());

        var client = new PaymentClient();
        try
        {
            Payment payment = client.Create(request, requestOptions);

            // payment.Status is "authorized", payment.StatusDetail "pending_capture", payment.Captured false
            // ("rejected" when the card is declined). Keep payment.Id to capture or cancel the reserve.
            // Print the API's JSON answer as received:
            Console.WriteLine(payment.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 400 with cause 2006 when the card token is unknown or already used, 400 when a field is invalid.
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
