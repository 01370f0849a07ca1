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
    /// SHORTCUT: only Create, Cancel and Capture (each with its Async form) are implemented. The real
    /// client also has Get, Update, Search and the refund methods; they are left out because no
    /// example uses them.
    /// Each synchronous method blocks on the same path as its Async form, as in the SDK.
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

        /// <summary>POST /v1/payments with the request as snake_case JSON (nulls left out).</summary>
        /// <remarks>
        /// PaymentCreateRequest is an IdempotentRequest: an X-Idempotency-Key is generated unless
        /// RequestOptions.CustomHeaders has one. A POST with a key is retried like a PUT.
        /// </remarks>
        /// <exception cref="MercadoPago.Error.MercadoPagoApiException">The API answered with a status above 299.</exception>
        /// <exception cref="MercadoPago.Error.MercadoPagoException">Transport failure (DNS, TLS, timeout...).</exception>
        public Task<Payment> CreateAsync(
            PaymentCreateRequest request,
            RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync("/v1/payments", HttpMethod.POST, request, requestOptions, cancellationToken);
        }

        /// <summary>Synchronous form of <see cref="CreateAsync"/>.</summary>
        public Payment Create(PaymentCreateRequest request, RequestOptions requestOptions = null)
        {
            return Send("/v1/payments", HttpMethod.POST, request, requestOptions);
        }

        /// <summary>PUT /v1/payments/{id} with {"status":"cancelled"}. No automatic idempotency key.</summary>
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

        /// <summary>Captures the whole reserve: PUT /v1/payments/{id} with {"capture":true}.</summary>
        /// <remarks>
        /// No automatic X-Idempotency-Key (PaymentCaptureRequest is not an IdempotentRequest).
        /// As in the SDK, the amount is not an optional parameter: a partial capture is the separate
        /// overload below, and this one passes a null amount to it.
        /// </remarks>
        public Task<Payment> CaptureAsync(
            long id,
            RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return CaptureAsync(id, null, requestOptions, cancellationToken);
        }

        /// <summary>Synchronous form of <see cref="CaptureAsync(long, RequestOptions, CancellationToken)"/>.</summary>
        public Payment Capture(long id, RequestOptions requestOptions = null)
        {
            return Capture(id, null, requestOptions);
        }

        /// <summary>
        /// Captures amount of the reserve (all of it when amount is null):
        /// PUT /v1/payments/{id} with {"capture":true,"transaction_amount":75.0}.
        /// </summary>
        public Task<Payment> CaptureAsync(
            long id,
            decimal? amount,
            RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            var request = new PaymentCaptureRequest { TransactionAmount = amount };
            return SendAsync("/v1/payments/" + id, HttpMethod.PUT, request, requestOptions, cancellationToken);
        }

        /// <summary>Synchronous form of <see cref="CaptureAsync(long, decimal?, RequestOptions, CancellationToken)"/>.</summary>
        public Payment Capture(long id, decimal? amount, RequestOptions requestOptions = null)
        {
            var request = new PaymentCaptureRequest { TransactionAmount = amount };
            return Send("/v1/payments/" + id, HttpMethod.PUT, request, requestOptions);
        }
    }
}
