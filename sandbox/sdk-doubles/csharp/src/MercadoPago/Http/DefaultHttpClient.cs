// MercadoPago.Http.DefaultHttpClient of mercadopago-sdk 3.5.0: the SDK's public members, the double's own loop.
namespace MercadoPago.Http
{
    using System;
    using System.Collections.Generic;
    using System.IO;
    using System.Linq;
    using System.Net;
    using System.Net.Http;
    using System.Runtime.ExceptionServices;
    using System.Text;
    using System.Threading;
    using System.Threading.Tasks;

    /// <summary>
    /// IHttpClient over System.Net.Http.HttpClient: by default one HttpClient shared by every instance,
    /// with a 30 s timeout. TLS trust is the runtime's (the SDK has no CA option; on Mono that means
    /// Mono's certificate stores, see the README).
    /// </summary>
    /// <remarks>
    /// Each attempt sends a new HttpRequestMessage made from the same MercadoPagoRequest, so a retry
    /// repeats the headers (the same X-Idempotency-Key) and the body. Transient errors, as the SDK counts
    /// them, are HttpRequestException (refused connection, DNS, TLS...) and a timeout
    /// (OperationCanceledException not asked for by the caller's token). When the last attempt failed,
    /// its exception is thrown as it is, and MercadoPagoClient wraps it in a MercadoPagoException.
    /// </remarks>
    public class DefaultHttpClient : IHttpClient
    {
        private static readonly Lazy<HttpClient> Shared = new Lazy<HttpClient>(
            () => new HttpClient { Timeout = DefaultHttpTimeout });

        private static readonly Dictionary<HttpMethod, System.Net.Http.HttpMethod> NetMethods =
            new Dictionary<HttpMethod, System.Net.Http.HttpMethod>
            {
                { HttpMethod.GET, System.Net.Http.HttpMethod.Get },
                { HttpMethod.POST, System.Net.Http.HttpMethod.Post },
                { HttpMethod.PUT, System.Net.Http.HttpMethod.Put },
                { HttpMethod.DELETE, System.Net.Http.HttpMethod.Delete },
            };

        static DefaultHttpClient()
        {
            // TLS 1.2 added to whatever the process allows, as the SDK does on load.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }

        public DefaultHttpClient()
            : this(Shared.Value)
        {
        }

        /// <summary>Sends through the caller's HttpClient (their handler, timeout...).</summary>
        public DefaultHttpClient(HttpClient httpClient)
        {
            HttpClient = httpClient;
        }

        public static TimeSpan DefaultHttpTimeout
        {
            get { return TimeSpan.FromSeconds(30); }
        }

        public HttpClient HttpClient { get; private set; }

        public async Task<MercadoPagoResponse> SendAsync(MercadoPagoRequest request, IRetryStrategy retryStrategy, CancellationToken cancellationToken)
        {
            // The strategy is shown the last answer received. Like the SDK, this is not reset when a later
            // attempt fails without one: after a 503 and then a refused connection it still sees the 503.
            HttpResponseMessage lastAnswer = null;
            for (int retries = 0; ; retries++)
            {
                HttpRequestMessage message = ToMessage(request);
                ExceptionDispatchInfo failure = null;
                try
                {
                    Task<HttpResponseMessage> sending = HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    lastAnswer = await sending.ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    failure = ExceptionDispatchInfo.Capture(error);
                }

                bool transient = failure != null && IsTransient(failure.SourceException, cancellationToken);
                RetryResponse verdict = retryStrategy.ShouldRetry(message, lastAnswer, transient, retries);
                if (verdict.Retry)
                {
                    if (lastAnswer != null)
                    {
                        lastAnswer.Dispose();
                    }

                    await Task.Delay(verdict.Delay).ConfigureAwait(false);
                    continue;
                }

                message.Dispose();
                if (failure != null)
                {
                    failure.Throw();
                }

                return await ReadAsync(lastAnswer).ConfigureAwait(false);
            }
        }

        private static bool IsTransient(Exception error, CancellationToken cancellationToken)
        {
            if (error is HttpRequestException)
            {
                return true;
            }

            // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
            return error is OperationCanceledException && !cancellationToken.IsCancellationRequested;
        }

        private static HttpRequestMessage ToMessage(MercadoPagoRequest request)
        {
            var message = new HttpRequestMessage(NetMethod(request.Method), new Uri(request.Url));
            foreach (KeyValuePair<string, string> header in request.Headers)
            {
                // The validating Add: a value HttpClient rejects throws here, before anything is sent.
                message.Headers.Add(header.Key, header.Value);
            }

            if (request.Content != null)
            {
                // Sent as Content-Type: application/json; charset=utf-8.
                message.Content = new StringContent(request.Content, Encoding.UTF8, "application/json");
            }

            return message;
        }

        private static async Task<MercadoPagoResponse> ReadAsync(HttpResponseMessage answer)
        {
            using (answer)
            {
                // Read as UTF-8 (a byte order mark aside) whatever charset the answer declares, as the SDK reads it.
                Stream stream = await answer.Content.ReadAsStreamAsync().ConfigureAwait(false);
                string body = stream == null ? null : await ReadAllAsync(stream).ConfigureAwait(false);
                IDictionary<string, string> headers = answer.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value));
                return new MercadoPagoResponse((int)answer.StatusCode, headers, body);
            }
        }

        private static async Task<string> ReadAllAsync(Stream stream)
        {
            using (var reader = new StreamReader(stream))
            {
                return await reader.ReadToEndAsync().ConfigureAwait(false);
            }
        }

        private static System.Net.Http.HttpMethod NetMethod(HttpMethod method)
        {
            System.Net.Http.HttpMethod mapped;
            if (NetMethods.TryGetValue(method, out mapped))
            {
                return mapped;
            }

            // PATCH is in the enum, but the SDK's client does not map it either.
            throw new ArgumentException("Invalid value of httpMethod.");
        }
    }
}
