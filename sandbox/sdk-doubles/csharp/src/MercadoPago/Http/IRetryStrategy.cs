// MercadoPago.Http.IRetryStrategy of mercadopago-sdk 3.5.0 (MercadoPagoConfig.RetryStrategy, RequestOptions.RetryStrategy).
namespace MercadoPago.Http
{
    using System.Net.Http;

    /// <summary>
    /// Asked after every attempt. httpResponse is the last answer received (null if none yet),
    /// hadRetryableError tells whether this attempt failed with a transient transport error, and
    /// numberRetries counts the retries already made.
    /// </summary>
    public interface IRetryStrategy
    {
        RetryResponse ShouldRetry(HttpRequestMessage httpRequest, HttpResponseMessage httpResponse, bool hadRetryableError, int numberRetries);
    }
}
