// MercadoPago.Http.IHttpClient of mercadopago-sdk 3.5.0: the transport hook (MercadoPagoConfig.HttpClient).
namespace MercadoPago.Http
{
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>Sends one MercadoPagoRequest, retrying as retryStrategy decides, and returns the final answer.</summary>
    public interface IHttpClient
    {
        Task<MercadoPagoResponse> SendAsync(MercadoPagoRequest request, IRetryStrategy retryStrategy, CancellationToken cancellationToken);
    }
}
