// Double of src/MercadoPago/Client/Payment/PaymentClient.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Client.Payment
{
    using System.Threading;
    using System.Threading.Tasks;
    using MercadoPago.Http;
    using MercadoPago.Resource.Payment;
    using MercadoPago.Serialization;

    /// <summary>Client for /v1/payments.</summary>
    /// <remarks>
    /// SHORTCUT: only Cancel / CancelAsync are implemented. The real client also has Get, Create,
    /// Update, Capture, Search and the refund methods; they are left out because no example uses them.
    /// </remarks>
    public class PaymentClient : MercadoPagoClient<Payment>
    {
        public PaymentClient(IHttpClient httpClient, ISerializer serializer)
            : base(httpClient, serializer)
        {
        }

        public PaymentClient(IHttpClient httpClient)
            : this(httpClient, null)
        {
        }

        public PaymentClient(ISerializer serializer)
            : this(null, serializer)
        {
        }

        public PaymentClient()
            : this(null, null)
        {
        }

        /// <summary>PUT /v1/payments/{id} with {"status":"cancelled"}.</summary>
        /// <exception cref="MercadoPago.Error.MercadoPagoApiException">The API answered with a status above 299.</exception>
        /// <exception cref="MercadoPago.Error.MercadoPagoException">Transport failure (DNS, TLS, timeout...).</exception>
        public Task<Payment> CancelAsync(
            long id,
            RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync("/v1/payments/" + id, HttpMethod.PUT, new PaymentCancelRequest(), requestOptions, cancellationToken);
        }

        /// <summary>Synchronous form of <see cref="CancelAsync"/>.</summary>
        public Payment Cancel(long id, RequestOptions requestOptions = null)
        {
            return Send("/v1/payments/" + id, HttpMethod.PUT, new PaymentCancelRequest(), requestOptions);
        }
    }
}
