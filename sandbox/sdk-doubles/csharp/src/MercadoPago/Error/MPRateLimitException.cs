// Double of src/MercadoPago/Error/MPRateLimitException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 429; RetryAfter is the Retry-After header in seconds, when present.</summary>
    public class MPRateLimitException : MercadoPagoApiException
    {
        public MPRateLimitException(string message, MercadoPagoResponse response, int? retryAfter = null)
            : base(message, response)
        {
            RetryAfter = retryAfter;
        }

        public int? RetryAfter { get; private set; }
    }
}
