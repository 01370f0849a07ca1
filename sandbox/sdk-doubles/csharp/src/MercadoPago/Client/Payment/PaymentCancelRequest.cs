// Double of src/MercadoPago/Client/Payment/PaymentCancelRequest.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Client.Payment
{
    using MercadoPago.Resource.Payment;

    /// <summary>Body of a cancel: always {"status":"cancelled"}.</summary>
    /// <remarks>
    /// Like the real one it does NOT derive from IdempotentRequest, so the SDK adds no
    /// X-Idempotency-Key on cancel: the caller has to pass one in RequestOptions.CustomHeaders.
    /// </remarks>
    public class PaymentCancelRequest
    {
        public string Status
        {
            get { return PaymentStatus.Cancelled; }
        }
    }
}
