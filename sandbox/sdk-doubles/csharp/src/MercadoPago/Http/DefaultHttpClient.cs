// Double of src/MercadoPago/Http/DefaultHttpClient.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    using System;
    using System.Collections.Generic;
    using System.Net;
    using System.Net.Http;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// IHttpClient over System.Net.Http.HttpClient (one shared instance, 30 s timeout), with the
    /// retry loop driven by an IRetryStrategy. TLS trust is whatever the runtime trusts: the SDK has
    /// no CA option of its own (on Mono: the Mono certificate stores, see the README).
    /// </summary>
    public class DefaultHttpClient : IHttpClient
    {
        private const string JsonContentType = "application/json";

        private static readonly Lazy<HttpClient> SharedHttpClient =
            new Lazy<HttpClient>(() => new HttpClient { Timeout = DefaultHttpTimeout });

        static DefaultHttpClient()
        {
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        public DefaultHttpClient()
            : this(SharedHttpClient.Value)
        {
        }

        /// <summary>Wraps a caller-made HttpClient (e.g. with its own handler).</summary>
        public DefaultHttpClient(HttpClient httpClient)
        {
            HttpClient = httpClient;
        }

        public static TimeSpan DefaultHttpTimeout
        {
            get { return TimeSpan.FromSeconds(30); }
        }

        public HttpClient HttpClient { get; private set; }

        public async Task<MercadoPagoResponse> SendAsync(
            MercadoPagoRequest request,
            IRetryStrategy retryStrategy,
            CancellationToken cancellationToken)
        {
            int retries = 0;
            HttpRequestMessage httpRequest;
            HttpResponseMessage httpResponse;
            Exception failure;

            while (true)
            {
                // A fresh HttpRequestMessage per attempt, built from the same MercadoPagoRequest:
                // a retry resends identical headers (same X-Idempotency-Key) and body.
                httpRequest = ToHttpRequest(request);
                httpResponse = null;
                failure = null;
                try
                {
                    httpResponse = await HttpClient.SendAsync(
                        httpRequest, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }

                RetryResponse decision = retryStrategy.ShouldRetry(
                    httpRequest, httpResponse, IsRetryableFailure(failure, cancellationToken), retries);
                if (!decision.Retry)
                {
                    break;
                }

                if (httpResponse != null)
                {
                    httpResponse.Dispose();
                }

                httpRequest.Dispose();
                retries++;
                await Task.Delay(decision.Delay).ConfigureAwait(false);
            }

            httpRequest.Dispose();
            if (failure != null)
            {
                throw failure;
            }

            return await ToResponse(httpResponse).ConfigureAwait(false);
        }

        private static HttpRequestMessage ToHttpRequest(MercadoPagoRequest request)
        {
            var httpRequest = new HttpRequestMessage(ToNetMethod(request.Method), new Uri(request.Url));
            if (request.Content != null)
            {
                // Content-Type: application/json; charset=utf-8
                httpRequest.Content = new StringContent(request.Content, Encoding.UTF8, JsonContentType);
            }

            if (request.Headers != null)
            {
                foreach (var header in request.Headers)
                {
                    // Validating Add, as in the SDK: a malformed value throws here and becomes a MercadoPagoException.
                    httpRequest.Headers.Add(header.Key, header.Value);
                }
            }

            return httpRequest;
        }

        private static async Task<MercadoPagoResponse> ToResponse(HttpResponseMessage httpResponse)
        {
            using (httpResponse)
            {
                string content = await httpResponse.Content.ReadAsStringAsync().ConfigureAwait(false);
                var headers = new Dictionary<string, string>();
                foreach (var header in httpResponse.Headers)
                {
                    headers.Add(header.Key, string.Join(",", header.Value));
                }

                return new MercadoPagoResponse((int)httpResponse.StatusCode, headers, content);
            }
        }

        private static bool IsRetryableFailure(Exception failure, CancellationToken cancellationToken)
        {
            return failure != null
                && (failure is HttpRequestException
                    || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested));
        }

        private static System.Net.Http.HttpMethod ToNetMethod(HttpMethod method)
        {
            switch (method)
            {
                case HttpMethod.GET:
                    return System.Net.Http.HttpMethod.Get;
                case HttpMethod.POST:
                    return System.Net.Http.HttpMethod.Post;
                case HttpMethod.PUT:
                    return System.Net.Http.HttpMethod.Put;
                case HttpMethod.DELETE:
                    return System.Net.Http.HttpMethod.Delete;
                default:
                    // Same gap as the SDK: PATCH is in the enum but not mapped.
                    throw new ArgumentException("Invalid value of httpMethod.");
            }
        }
    }
}
