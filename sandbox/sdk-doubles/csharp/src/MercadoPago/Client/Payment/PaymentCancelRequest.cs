// MercadoPago.Client.Payment.PaymentCancelRequest of mercadopago-sdk 3.5.0.
namespace MercadoPago.Client.Payment
{
    using MercadoPago.Resource.Payment;

    /// <summary>The body of a cancel, always {"status":"cancelled"}.</summary>
    /// <remarks>
    /// Not an IdempotentRequest (as in the SDK), so no X-Idempotency-Key is added for it: a caller who
    /// wants one passes it in RequestOptions.CustomHeaders.
    /// </remarks>
    public class PaymentCancelRequest
    {
        public string Status
        {
            get { return PaymentStatus.Cancelled; }
        }
    }
}
