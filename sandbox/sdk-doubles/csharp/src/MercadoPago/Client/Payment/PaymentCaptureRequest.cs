// MercadoPago.Client.Payment.PaymentCaptureRequest of mercadopago-sdk 3.5.0.
namespace MercadoPago.Client.Payment
{
    /// <summary>
    /// The body of a capture: {"capture":true}, and "transaction_amount" after it for a partial capture
    /// (a decimal is written with a decimal point: 75m is 75.0). Capture comes first on the wire, as in the SDK.
    /// </summary>
    /// <remarks>Not an IdempotentRequest (as in the SDK): no X-Idempotency-Key is added for it.</remarks>
    public class PaymentCaptureRequest
    {
        public bool Capture
        {
            get { return true; }
        }

        /// <summary>Null (left out of the body) captures the whole reserve.</summary>
        public decimal? TransactionAmount { get; set; }
    }
}
