// Double of src/MercadoPago/Client/IdempotentRequest.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Client
{
    using System;

    /// <summary>
    /// Base of the request bodies the SDK protects with an idempotency key (create requests such as
    /// PaymentCreateRequest). On a POST or PUT with such a body, MercadoPagoClient adds an
    /// X-Idempotency-Key of its own unless the request already carries one.
    /// </summary>
    public abstract class IdempotentRequest
    {
        /// <summary>A new GUID ("D" format) for the X-Idempotency-Key header.</summary>
        public string CreateIdempotencyKey()
        {
            return Guid.NewGuid().ToString();
        }
    }
}
