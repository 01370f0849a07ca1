// MercadoPago.Client.Payment.PaymentClient of mercadopago-sdk 3.5.0: its constructors, its Create, Capture and
// Cancel methods and its refund methods with the SDK's signatures; the bodies are the double's own.
namespace MercadoPago.Client.Payment
{
    using System.Threading;
    using System.Threading.Tasks;
    using MercadoPago.Http;
    using MercadoPago.Resource;
    using MercadoPago.Resource.Payment;
    using MercadoPago.Serialization;

    /// <summary>Creates, captures, cancels and refunds payments (/v1/payments).</summary>
    /// <remarks>
    /// SHORTCUT: Get, Update and Search of the SDK's client are left out, because no example uses them.
    /// The refund methods hand the call to a PaymentRefundClient made with the same transport and
    /// serializer, as the SDK's do. Every synchronous method waits for the same request as its Async form.
    /// Thrown: MercadoPagoApiException (or the subclass for its status) when the API answers with a status
    /// of 300 or more; MercadoPagoException when no answer could be had (network, TLS, timeout).
    /// </remarks>
    public class PaymentClient : MercadoPagoClient<Payment>
    {
        private const string Payments = "/v1/payments";

        private readonly PaymentRefundClient refunds;

        public PaymentClient()
            : this(null, null)
        {
        }

        public PaymentClient(IHttpClient httpClient, ISerializer serializer)
            : base(httpClient, serializer)
        {
            refunds = new PaymentRefundClient(httpClient, serializer);
        }

        public PaymentClient(ISerializer serializer)
            : this(null, serializer)
        {
        }

        public PaymentClient(IHttpClient httpClient)
            : this(httpClient, null)
        {
        }

        /// <summary>
        /// POST /v1/payments. The request is an IdempotentRequest, so an X-Idempotency-Key goes with it
        /// (the caller's from CustomHeaders, else a new one), and a POST with a key may be retried.
        /// </summary>
        public Payment Create(PaymentCreateRequest request, RequestOptions requestOptions = null)
        {
            return Send(Payments, HttpMethod.POST, request, requestOptions);
        }

        public Task<Payment> CreateAsync(PaymentCreateRequest request, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync(Payments, HttpMethod.POST, request, requestOptions, cancellationToken);
        }

        /// <summary>PUT /v1/payments/{id} with {"capture":true}: the whole reserve.</summary>
        /// <remarks>
        /// As in the SDK, the partial capture is a separate overload, not an optional amount; this one sends
        /// what that overload sends for a null amount. Neither adds an X-Idempotency-Key of its own.
        /// </remarks>
        public Payment Capture(long id, RequestOptions requestOptions = null)
        {
            return Send(One(id), HttpMethod.PUT, CaptureOf(null), requestOptions);
        }

        public Task<Payment> CaptureAsync(long id, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync(One(id), HttpMethod.PUT, CaptureOf(null), requestOptions, cancellationToken);
        }

        /// <summary>PUT /v1/payments/{id} with {"capture":true,"transaction_amount":75.0}; a null amount captures all.</summary>
        public Payment Capture(long id, decimal? amount, RequestOptions requestOptions = null)
        {
            return Send(One(id), HttpMethod.PUT, CaptureOf(amount), requestOptions);
        }

        public Task<Payment> CaptureAsync(long id, decimal? amount, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync(One(id), HttpMethod.PUT, CaptureOf(amount), requestOptions, cancellationToken);
        }

        /// <summary>PUT /v1/payments/{id} with {"status":"cancelled"}, without an X-Idempotency-Key of its own.</summary>
        public Payment Cancel(long id, RequestOptions requestOptions = null)
        {
            return Send(One(id), HttpMethod.PUT, new PaymentCancelRequest(), requestOptions);
        }

        public Task<Payment> CancelAsync(long id, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync(One(id), HttpMethod.PUT, new PaymentCancelRequest(), requestOptions, cancellationToken);
        }

        /// <summary>PaymentRefundClient.Refund(id): a refund of all that is left, with a key of its own.</summary>
        public PaymentRefund Refund(long id, RequestOptions requestOptions = null)
        {
            return refunds.Refund(id, requestOptions);
        }

        public Task<PaymentRefund> RefundAsync(long id, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return refunds.RefundAsync(id, requestOptions, cancellationToken);
        }

        /// <summary>PaymentRefundClient.Refund(id, amount): a partial refund (a null amount refunds all that is left).</summary>
        public PaymentRefund Refund(long id, decimal? amount, RequestOptions requestOptions = null)
        {
            return refunds.Refund(id, amount, requestOptions);
        }

        public Task<PaymentRefund> RefundAsync(long id, decimal? amount, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return refunds.RefundAsync(id, amount, requestOptions, cancellationToken);
        }

        /// <summary>PaymentRefundClient.Get(paymentId, refundId).</summary>
        public PaymentRefund GetRefund(long paymentId, long refundId, RequestOptions requestOptions = null)
        {
            return refunds.Get(paymentId, refundId, requestOptions);
        }

        public Task<PaymentRefund> GetRefundAsync(long id, long refundId, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return refunds.GetAsync(id, refundId, requestOptions, cancellationToken);
        }

        /// <summary>PaymentRefundClient.List(id).</summary>
        public ResourcesList<PaymentRefund> ListRefunds(long id, RequestOptions requestOptions = null)
        {
            return refunds.List(id, requestOptions);
        }

        public Task<ResourcesList<PaymentRefund>> ListRefundsAsync(long id, RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return refunds.ListAsync(id, requestOptions, cancellationToken);
        }

        private static string One(long id)
        {
            return Payments + "/" + id;
        }

        private static PaymentCaptureRequest CaptureOf(decimal? amount)
        {
            return new PaymentCaptureRequest { TransactionAmount = amount };
        }
    }
}
