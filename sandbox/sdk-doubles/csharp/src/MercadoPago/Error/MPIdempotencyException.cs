// Double of src/MercadoPago/Error/MPIdempotencyException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 409.</summary>
    public class MPIdempotencyException : MercadoPagoApiException
    {
        public MPIdempotencyException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
