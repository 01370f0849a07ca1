// Double of src/MercadoPago/Http/IHttpClient.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    using System.Threading;
    using System.Threading.Tasks;

    public interface IHttpClient
    {
        Task<MercadoPagoResponse> SendAsync(
            MercadoPagoRequest request,
            IRetryStrategy retryStrategy,
            CancellationToken cancellationToken);
    }
}
