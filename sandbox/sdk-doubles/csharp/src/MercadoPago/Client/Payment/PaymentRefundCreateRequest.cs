// MercadoPago.Client.Payment.PaymentRefundCreateRequest of mercadopago-sdk 3.5.0.
namespace MercadoPago.Client.Payment
{
    /// <summary>
    /// The body of a refund: {"amount":25.5} for part of the payment, {} (Amount null, left out) for all
    /// that is left.
    /// </summary>
    /// <remarks>
    /// An IdempotentRequest, as in the SDK: every refund goes with an X-Idempotency-Key, the caller's from
    /// RequestOptions.CustomHeaders if there is one, else a new GUID for each call. So a refund is also one
    /// of the POSTs the retry strategy may retry (with the same key).
    /// </remarks>
    public class PaymentRefundCreateRequest : IdempotentRequest
    {
        /// <summary>Null refunds everything not yet refunded.</summary>
        public decimal? Amount { get; set; }
    }
}
