// Refund part of a payment: give back an amount and keep the rest; the payment stays approved.
// Needs the mercadopago-sdk NuGet package (see PartialRefund.csproj) and three environment
// variables: MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (the id of the approved payment) and
// REFUND_AMOUNT (the amount to refund, e.g. "25.5", no more than what is left of the payment).
using System;
using System.Globalization;
using MercadoPago.Client;
using MercadoPago.Client.Payment;
using MercadoPago.Config;
using MercadoPago.Error;
using MercadoPago.Resource.Payment;

public static class PartialRefund
{
    public static int Main()
    {
        MercadoPagoConfig.AccessToken = Environment.GetEnvironmentVariable("MERCADOPAGO_ACCESS_TOKEN");
        long paymentId = long.Parse(Environment.GetEnvironmentVariable("PAYMENT_ID"));
        // Invariant culture: "25.5" means 25.5 whatever the machine's locale. decimal keeps cents exact.
        decimal refundAmount = decimal.Parse(Environment.GetEnvironmentVariable("REFUND_AMOUNT"), CultureInfo.InvariantCulture);

        // Refund would generate a key itself, a new one on every call: a retry with a new key
        // refunds the amount a second time. Set your own and reuse it when you retry.
        var requestOptions = new RequestOptions();
        requestOptions.CustomHeaders.Add("X-Idempotency-Key", Guid.NewGuid().ToString());

        var client = new PaymentRefundClient();
        try
        {
            PaymentRefund refund = client.Refund(paymentId, refundAmount, requestOptions);

            // refund.Status is "approved", refund.Amount the refunded amount; the payment stays
            // "approved" with StatusDetail "partially_refunded" until its refunds add up to the whole.
            // Print the API's JSON answer as received (PaymentRefund has no property for some of its fields):
            Console.WriteLine(refund.ApiResponse.Content);
            return 0;
        }
        catch (MercadoPagoApiException e)
        {
            // e.g. 400 with cause 2017 when the amount is more than what is left, 4040 when it is not
            // above zero, 2063 when the payment is not approved; 404 when the id is unknown.
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
