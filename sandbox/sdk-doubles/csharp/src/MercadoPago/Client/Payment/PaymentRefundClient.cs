// MercadoPago.Client.Payment.PaymentRefundClient of mercadopago-sdk 3.5.0: its constructors and its Refund, Get
// and List methods with the SDK's signatures; the bodies are the double's own.
namespace MercadoPago.Client.Payment
{
    using System.Threading;
    using System.Threading.Tasks;
    using MercadoPago.Http;
    using MercadoPago.Resource;
    using MercadoPago.Resource.Payment;
    using MercadoPago.Serialization;

    /// <summary>Refunds a payment, whole or in part, and reads its refunds (/v1/payments/{id}/refunds).</summary>
    /// <remarks>
    /// Every refund sends an X-Idempotency-Key (its body is a PaymentRefundCreateRequest, an
    /// IdempotentRequest): the caller's from CustomHeaders, else a new one on each call, so two calls
    /// without a key of the caller's are two refunds. Get and List send none (a GET never has one).
    /// Thrown: MercadoPagoApiException (or the subclass for its status) when the API answers with a status
    /// of 300 or more; MercadoPagoException when no answer could be had (network, TLS, timeout).
    /// </remarks>
    public class PaymentRefundClient : MercadoPagoClient<PaymentRefund>
    {
        public PaymentRefundClient()
            : base(null, null)
        {
        }

        public PaymentRefundClient(IHttpClient httpClient, ISerializer serializer)
            : base(httpClient, serializer)
        {
        }

        public PaymentRefundClient(ISerializer serializer)
            : base(null, serializer)
        {
        }

        public PaymentRefundClient(IHttpClient httpClient)
            : base(httpClient, null)
        {
        }

        /// <summary>POST /v1/payments/{paymentId}/refunds with {}: refunds all that is left of the payment.</summary>
        /// <remarks>As in the SDK, the partial refund is a separate overload, not an optional amount.</remarks>
        public PaymentRefund Refund(long paymentId, RequestOptions requestOptions = null)
        {
            return Send(Refunds(paymentId), HttpMethod.POST, RefundOf(null), requestOptions);
        }

        public Task<PaymentRefund> RefundAsync(long paymentId, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync(Refunds(paymentId), HttpMethod.POST, RefundOf(null), requestOptions, cancellationToken);
        }

        /// <summary>POST /v1/payments/{paymentId}/refunds with {"amount":25.5}; a null amount refunds all that is left.</summary>
        public PaymentRefund Refund(long paymentId, decimal? amount, RequestOptions requestOptions = null)
        {
            return Send(Refunds(paymentId), HttpMethod.POST, RefundOf(amount), requestOptions);
        }

        public Task<PaymentRefund> RefundAsync(long paymentId, decimal? amount, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync(Refunds(paymentId), HttpMethod.POST, RefundOf(amount), requestOptions, cancellationToken);
        }

        /// <summary>GET /v1/payments/{paymentId}/refunds/{id}: one refund of the payment.</summary>
        public PaymentRefund Get(long paymentId, long id, RequestOptions requestOptions = null)
        {
            return Send(Refunds(paymentId) + "/" + id, HttpMethod.GET, null, requestOptions);
        }

        public Task<PaymentRefund> GetAsync(long paymentId, long id, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync(Refunds(paymentId) + "/" + id, HttpMethod.GET, null, requestOptions, cancellationToken);
        }

        /// <summary>GET /v1/payments/{paymentId}/refunds (no trailing slash): every refund of the payment, oldest first.</summary>
        public ResourcesList<PaymentRefund> List(long paymentId, RequestOptions requestOptions = null)
        {
            return List(Refunds(paymentId), HttpMethod.GET, null, requestOptions);
        }

        public Task<ResourcesList<PaymentRefund>> ListAsync(long paymentId, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return ListAsync(Refunds(paymentId), HttpMethod.GET, null, requestOptions, cancellationToken);
        }

        private static string Refunds(long paymentId)
        {
            return "/v1/payments/" + paymentId + "/refunds";
        }

        private static PaymentRefundCreateRequest RefundOf(decimal? amount)
        {
            return new PaymentRefundCreateRequest { Amount = amount };
        }
    }
}
