// Double of src/MercadoPago/Client/MercadoPagoClient.cs (mercadopago-sdk 3.5.0):
// request building (URL, headers, idempotency rule, JSON body) and response parsing (errors).
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

    /// <summary>Base class of every resource client.</summary>
    /// <remarks>SHORTCUT: the List / Search helpers of the real base class are left out.</remarks>
    public abstract class MercadoPagoClient<TResource>
        where TResource : IResource, new()
    {
        protected MercadoPagoClient(IHttpClient httpClient, ISerializer serializer)
        {
            HttpClient = httpClient ?? MercadoPagoConfig.HttpClient;
            Serializer = serializer ?? MercadoPagoConfig.Serializer;
        }

        public IHttpClient HttpClient { get; private set; }

        public ISerializer Serializer { get; private set; }

        /// <summary>Headers sent on every call (a new dictionary each time).</summary>
        protected IDictionary<string, string> DefaultHeaders
        {
            get
            {
                var headers = new Dictionary<string, string>();
                headers[Headers.ACCEPT] = "application/json";
                headers[Headers.PRODUCT_ID] = MercadoPagoConfig.ProductId;
                headers[Headers.USER_AGENT] = "MercadoPago DotNet SDK/" + MercadoPagoConfig.Version;
                headers[Headers.TRACKING_ID] = MercadoPagoConfig.TrackingId;
                return headers;
            }
        }

        protected Task<TResource> SendAsync(
            string path,
            HttpMethod httpMethod,
            object request,
            RequestOptions requestOptions = null,
            CancellationToken cancellationToken = default(CancellationToken))
        {
            return SendAsync<TResource>(path, httpMethod, request, requestOptions, cancellationToken);
        }

        /// <summary>Blocks on the async path, as the SDK does (ConfigureAwait(false).GetAwaiter().GetResult()).</summary>
        protected TResource Send(
            string path,
            HttpMethod httpMethod,
            object request,
            RequestOptions requestOptions = null)
        {
            return SendAsync(path, httpMethod, request, requestOptions, default(CancellationToken))
                .ConfigureAwait(false).GetAwaiter().GetResult();
        }

        private async Task<TResponse> SendAsync<TResponse>(
            string path,
            HttpMethod httpMethod,
            object request,
            RequestOptions requestOptions,
            CancellationToken cancellationToken)
            where TResponse : IResource, new()
        {
            requestOptions = WithDefaults(requestOptions);
            MercadoPagoResponse response;
            try
            {
                MercadoPagoRequest httpRequest = BuildRequest(path, httpMethod, request, requestOptions);
                response = await HttpClient.SendAsync(httpRequest, requestOptions.RetryStrategy, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // As in the SDK: anything thrown before an HTTP answer (DNS, TLS, timeout, bad header)
                // surfaces as a MercadoPagoException wrapping the original exception.
                throw new MercadoPagoException(ex);
            }

            return ParseResponse<TResponse>(response);
        }

        /// <summary>
        /// Fills the token and retry strategy from MercadoPagoConfig. Like the SDK, this writes into
        /// the caller's RequestOptions object (it does not copy it).
        /// </summary>
        private static RequestOptions WithDefaults(RequestOptions requestOptions)
        {
            if (requestOptions == null)
            {
                requestOptions = new RequestOptions();
            }

            if (string.IsNullOrWhiteSpace(requestOptions.AccessToken))
            {
                requestOptions.AccessToken = MercadoPagoConfig.AccessToken;
            }

            if (requestOptions.RetryStrategy == null)
            {
                requestOptions.RetryStrategy = MercadoPagoConfig.RetryStrategy;
            }

            return requestOptions;
        }

        private MercadoPagoRequest BuildRequest(
            string path,
            HttpMethod httpMethod,
            object request,
            RequestOptions requestOptions)
        {
            var httpRequest = new MercadoPagoRequest
            {
                Url = MercadoPagoConfig.BaseUrl + path,
                Method = httpMethod,
            };

            foreach (var header in DefaultHeaders)
            {
                httpRequest.Headers.Add(header);
            }

            if (!string.Equals(path, "/oauth/token", StringComparison.InvariantCultureIgnoreCase))
            {
                httpRequest.Headers.Add(Headers.AUTHORIZATION, "Bearer " + requestOptions.AccessToken);
            }

            AddIfSet(httpRequest, Headers.CORPORATION_ID, MercadoPagoConfig.CorporationId);
            AddIfSet(httpRequest, Headers.INTEGRATOR_ID, MercadoPagoConfig.IntegratorId);
            AddIfSet(httpRequest, Headers.PLATFORM_ID, MercadoPagoConfig.PlatformId);

            // Custom headers: skipped when the same key (exact spelling: the dictionary is
            // case-sensitive, as in the SDK) is already there, and Content-Type is never taken.
            foreach (var header in requestOptions.CustomHeaders)
            {
                if (!httpRequest.Headers.ContainsKey(header.Key)
                    && !Headers.CONTENT_TYPE.Equals(header.Key, StringComparison.InvariantCultureIgnoreCase))
                {
                    httpRequest.Headers.Add(header);
                }
            }

            // Idempotency rule of the SDK: on POST/PUT a key is generated only for bodies that are
            // IdempotentRequest (create requests) or for a null body, and only when no header of
            // that name (any case) is there yet. PaymentCancelRequest and PaymentCaptureRequest are
            // neither, so a cancel or a capture carries a key only if the caller put one in CustomHeaders.
            if ((httpMethod == HttpMethod.POST || httpMethod == HttpMethod.PUT)
                && !httpRequest.ContainsHeader(Headers.IDEMPOTENCY_KEY))
            {
                var idempotentRequest = request as IdempotentRequest;
                if (idempotentRequest != null)
                {
                    httpRequest.Headers.Add(Headers.IDEMPOTENCY_KEY, idempotentRequest.CreateIdempotencyKey());
                }
                else if (request == null)
                {
                    httpRequest.Headers.Add(Headers.IDEMPOTENCY_KEY, Guid.NewGuid().ToString());
                }
            }

            if (request != null && (httpMethod == HttpMethod.POST || httpMethod == HttpMethod.PUT))
            {
                httpRequest.Content = Serializer.SerializeToJson(request);
            }

            // SHORTCUT: GET query strings built from a request object (SerializeToQueryStringAsync) are left out.
            return httpRequest;
        }

        private static void AddIfSet(MercadoPagoRequest httpRequest, string name, string value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                httpRequest.Headers.Add(name, value);
            }
        }

        private TResponse ParseResponse<TResponse>(MercadoPagoResponse response)
            where TResponse : IResource, new()
        {
            if (response.StatusCode > 299)
            {
                MercadoPagoApiException error = MercadoPagoExceptionFactory.Build(response);
                try
                {
                    error.ApiError = Serializer.DeserializeFromJson<ApiError>(response.Content);
                }
                catch (Exception)
                {
                    error.ApiError = null;
                }

                throw error;
            }

            TResponse resource;
            try
            {
                resource = Serializer.DeserializeFromJson<TResponse>(response.Content);
            }
            catch (Exception)
            {
                throw new MercadoPagoApiException("Invalid response from API.", response);
            }

            // An empty body deserializes to null (as with Newtonsoft), and the SDK then returns null:
            // ApiResponse is attached only when there is content.
            if (!string.IsNullOrEmpty(response.Content))
            {
                resource.ApiResponse = response;
            }

            return resource;
        }
    }
}
