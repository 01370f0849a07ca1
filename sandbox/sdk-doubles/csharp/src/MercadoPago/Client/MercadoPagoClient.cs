// MercadoPago.Client.MercadoPagoClient<TResource> of mercadopago-sdk 3.5.0: the base of every resource client.
// Public and protected members are the SDK's; the bodies are the double's own, written from what the SDK is
// documented and observed to send and throw. The request itself is put together by WireRequest.Compose.
namespace MercadoPago.Client
{
    using System;
    using System.Collections.Generic;
    using System.Threading;
    using System.Threading.Tasks;
    using MercadoPago.Config;
    using MercadoPago.Error;
    using MercadoPago.Http;
    using MercadoPago.Resource;
    using MercadoPago.Serialization;

    /// <summary>Base class of the resource clients (the double has PaymentClient and PaymentRefundClient).</summary>
    /// <remarks>SHORTCUT: the SDK's Search helpers are left out (no example searches).</remarks>
    public abstract class MercadoPagoClient<TResource>
        where TResource : IResource, new()
    {
        protected MercadoPagoClient(IHttpClient httpClient, ISerializer serializer)
        {
            // null means "the global one", looked up once, here.
            HttpClient = httpClient ?? MercadoPagoConfig.HttpClient;
            Serializer = serializer ?? MercadoPagoConfig.Serializer;
        }

        public IHttpClient HttpClient { get; private set; }

        public ISerializer Serializer { get; private set; }

        /// <summary>
        /// The four headers that open every request, in the order they go on the wire. A new
        /// dictionary on each read, so a caller may change it freely.
        /// </summary>
        protected IDictionary<string, string> DefaultHeaders
        {
            get
            {
                return new Dictionary<string, string>
                {
                    { Headers.ACCEPT, "application/json" },
                    { Headers.PRODUCT_ID, MercadoPagoConfig.ProductId },
                    { Headers.USER_AGENT, "MercadoPago DotNet SDK/" + MercadoPagoConfig.Version },
                    { Headers.TRACKING_ID, MercadoPagoConfig.TrackingId },
                };
            }
        }

        protected Task<TResource> SendAsync(string path, HttpMethod httpMethod, object request,
            RequestOptions requestOptions = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            return ExchangeAsync<TResource>(path, httpMethod, request, requestOptions, cancellationToken);
        }

        /// <summary>
        /// Waits for <see cref="SendAsync"/>. GetResult (not .Result) so that the caller catches the
        /// exception itself, not an AggregateException: the SDK's synchronous methods behave that way.
        /// </summary>
        protected TResource Send(string path, HttpMethod httpMethod, object request, RequestOptions requestOptions = null)
        {
            return Wait(ExchangeAsync<TResource>(path, httpMethod, request, requestOptions, CancellationToken.None));
        }

        /// <summary>
        /// For an endpoint that answers with a bare JSON array (a payment's refunds): the same request
        /// as <see cref="SendAsync"/>, read into a <see cref="ResourcesList{TResource}"/>.
        /// </summary>
        protected Task<ResourcesList<TResource>> ListAsync(string path, HttpMethod httpMethod, object request,
            RequestOptions requestOptions = null, CancellationToken cancellationToken = default(CancellationToken))
        {
            return ExchangeAsync<ResourcesList<TResource>>(path, httpMethod, request, requestOptions, cancellationToken);
        }

        protected ResourcesList<TResource> List(string path, HttpMethod httpMethod, object request, RequestOptions requestOptions = null)
        {
            return Wait(ExchangeAsync<ResourcesList<TResource>>(path, httpMethod, request, requestOptions, CancellationToken.None));
        }

        private static T Wait<T>(Task<T> pending)
        {
            try
            {
                return pending.GetAwaiter().GetResult();
            }
            finally
            {
                // Not the SDK's: a pause for Mono 6.8, which runs these programs here. The thread-pool
                // worker that completed the task parks right after; if the program ends first, Mono's
                // shutdown can miss waking it and waits out the worker's park timeout (5 to 60 s),
                // which made about one run in ten with the API down take half a minute to exit.
                System.Threading.Thread.Sleep(30);
            }
        }

        private async Task<TAnswer> ExchangeAsync<TAnswer>(string path, HttpMethod method, object body, RequestOptions options,
            CancellationToken cancellationToken)
            where TAnswer : IResource, new()
        {
            options = FillFromConfig(options);

            MercadoPagoResponse answer;
            try
            {
                MercadoPagoRequest outgoing = WireRequest.Compose(path, method, body, options, DefaultHeaders, Serializer);
                answer = await HttpClient.SendAsync(outgoing, options.RetryStrategy, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception cause)
            {
                // Whatever stops the call before an answer arrives (refused connection, DNS, TLS, timeout,
                // a header HttpClient rejects) reaches the caller, after the retries, as the SDK reports it:
                // MercadoPagoException("An unexpected error has occurred.") with the cause as InnerException.
                throw new MercadoPagoException(cause);
            }

            return ReadAnswer<TAnswer>(answer);
        }

        /// <summary>
        /// Blank token and missing retry strategy come from MercadoPagoConfig. As in the SDK, the caller's
        /// own RequestOptions object is written to (a later call with it keeps the values filled in here).
        /// </summary>
        private static RequestOptions FillFromConfig(RequestOptions options)
        {
            RequestOptions filled = options ?? new RequestOptions();
            if (string.IsNullOrWhiteSpace(filled.AccessToken))
            {
                filled.AccessToken = MercadoPagoConfig.AccessToken;
            }

            filled.RetryStrategy = filled.RetryStrategy ?? MercadoPagoConfig.RetryStrategy;
            return filled;
        }

        /// <summary>A status of 300 or more throws; anything else must parse as TAnswer.</summary>
        private TAnswer ReadAnswer<TAnswer>(MercadoPagoResponse answer)
            where TAnswer : IResource, new()
        {
            if (answer.StatusCode >= 300)
            {
                MercadoPagoApiException failure = MercadoPagoExceptionFactory.Build(answer);
                ApiError parsed;
                failure.ApiError = TryParse(answer.Content, out parsed) ? parsed : null;
                throw failure;
            }

            TAnswer resource;
            if (!TryParse(answer.Content, out resource))
            {
                throw new MercadoPagoApiException("Invalid response from API.", answer);
            }

            // An empty body parses to null and is returned as null; only a real body gets ApiResponse.
            if (!string.IsNullOrEmpty(answer.Content))
            {
                resource.ApiResponse = answer;
            }

            return resource;
        }

        private bool TryParse<T>(string content, out T value)
            where T : new()
        {
            try
            {
                value = Serializer.DeserializeFromJson<T>(content);
                return true;
            }
            catch (Exception)
            {
                value = default(T);
                return false;
            }
        }
    }
}
