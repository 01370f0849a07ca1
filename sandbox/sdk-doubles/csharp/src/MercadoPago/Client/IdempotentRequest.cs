// MercadoPago.Client.IdempotentRequest of mercadopago-sdk 3.5.0.
namespace MercadoPago.Client
{
    using System;

    /// <summary>
    /// Marks a body that gets an X-Idempotency-Key from the SDK itself (create requests such as
    /// PaymentCreateRequest), on a POST or PUT whose headers have none yet.
    /// </summary>
    public abstract class IdempotentRequest
    {
        /// <summary>A new GUID, "D" format, each call.</summary>
        public string CreateIdempotencyKey()
        {
            return Guid.NewGuid().ToString("D");
        }
    }
}
