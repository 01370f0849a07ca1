// Double of src/MercadoPago/Http/IRetryStrategy.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    using System.Net.Http;

    public interface IRetryStrategy
    {
        RetryResponse ShouldRetry(
            HttpRequestMessage httpRequest,
            HttpResponseMessage httpResponse,
            bool hadRetryableError,
            int numberRetries);
    }
}
