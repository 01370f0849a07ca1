// Double of src/MercadoPago/Client/Payment/PaymentCaptureRequest.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Client.Payment
{
    /// <summary>
    /// Body of a capture: {"capture":true}, plus "transaction_amount" for a partial capture
    /// (Newtonsoft writes a decimal with a decimal point: 75m -> 75.0).
    /// </summary>
    /// <remarks>
    /// Like the real one it does NOT derive from IdempotentRequest, so the SDK adds no
    /// X-Idempotency-Key on capture: the caller has to pass one in RequestOptions.CustomHeaders.
    /// </remarks>
    public class PaymentCaptureRequest
    {
        /// <summary>Always true.</summary>
        public bool Capture
        {
            get { return true; }
        }

        /// <summary>The amount to capture; null captures the whole reserve (and is left out of the body).</summary>
        public decimal? TransactionAmount { get; set; }
    }
}
