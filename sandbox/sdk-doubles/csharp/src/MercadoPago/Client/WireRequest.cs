// The double's own: one function that turns a client call into the MercadoPagoRequest mercadopago-sdk 3.5.0
// puts on the wire (URL, headers in the SDK's order, idempotency key, JSON body). The SDK spreads this
// over several private methods of MercadoPagoClient; the rules below are what it is observed to send.
namespace MercadoPago.Client
{
    using System;
    using System.Collections.Generic;
    using MercadoPago.Config;
    using MercadoPago.Http;
    using MercadoPago.Serialization;

    internal static class WireRequest
    {
        /// <summary>The one endpoint the SDK calls without an Authorization header.</summary>
        private const string OAuthPath = "/oauth/token";

        /// <summary>
        /// Headers, in this order: the default four (Accept, X-Product-Id, User-Agent, X-Tracking-Id),
        /// Authorization, then X-Corporation-Id / X-Integrator-Id / X-Platform-Id when configured, then
        /// the caller's CustomHeaders, and last the X-Idempotency-Key the SDK makes up itself.
        /// </summary>
        internal static MercadoPagoRequest Compose(
            string path,
            HttpMethod method,
            object body,
            RequestOptions options,
            IDictionary<string, string> defaultHeaders,
            ISerializer serializer)
        {
            var request = new MercadoPagoRequest(MercadoPagoConfig.BaseUrl + path, method, null, null);
            IDictionary<string, string> headers = request.Headers;

            foreach (KeyValuePair<string, string> header in defaultHeaders)
            {
                headers.Add(header);
            }

            if (!string.Equals(path, OAuthPath, StringComparison.InvariantCultureIgnoreCase))
            {
                headers.Add(Headers.AUTHORIZATION, "Bearer " + options.AccessToken);
            }

            string[,] platformIds =
            {
                { Headers.CORPORATION_ID, MercadoPagoConfig.CorporationId },
                { Headers.INTEGRATOR_ID, MercadoPagoConfig.IntegratorId },
                { Headers.PLATFORM_ID, MercadoPagoConfig.PlatformId },
            };
            for (int row = 0; row < platformIds.GetLength(0); row++)
            {
                if (!string.IsNullOrWhiteSpace(platformIds[row, 1]))
                {
                    headers.Add(platformIds[row, 0], platformIds[row, 1]);
                }
            }

            // A caller's header is dropped when one of exactly that spelling is already there (the
            // dictionary is case-sensitive), and Content-Type in any spelling is never taken.
            foreach (KeyValuePair<string, string> custom in options.CustomHeaders)
            {
                bool alreadySet = headers.ContainsKey(custom.Key);
                bool contentType = string.Equals(custom.Key, Headers.CONTENT_TYPE, StringComparison.InvariantCultureIgnoreCase);
                if (!alreadySet && !contentType)
                {
                    headers.Add(custom);
                }
            }

            bool writes = method == HttpMethod.POST || method == HttpMethod.PUT;
            string key = writes && !request.ContainsHeader(Headers.IDEMPOTENCY_KEY) ? OwnIdempotencyKey(body) : null;
            if (key != null)
            {
                headers.Add(Headers.IDEMPOTENCY_KEY, key);
            }

            if (writes && body != null)
            {
                request.Content = serializer.SerializeToJson(body);
            }

            // SHORTCUT: a GET's query string (the SDK's SerializeToQueryStringAsync) is left out: the double's GETs
            // (a refund, a payment's refunds) pass no request object, so they have none.
            return request;
        }

        /// <summary>
        /// The key the SDK adds when the caller gave none: one from an IdempotentRequest body (create
        /// requests, refunds), a new GUID for no body at all, and none for any other body. So a cancel
        /// (PaymentCancelRequest) or a capture (PaymentCaptureRequest) goes without a key unless the
        /// caller puts one in CustomHeaders.
        /// </summary>
        private static string OwnIdempotencyKey(object body)
        {
            if (body == null)
            {
                return Guid.NewGuid().ToString();
            }

            var idempotent = body as IdempotentRequest;
            return idempotent == null ? null : idempotent.CreateIdempotencyKey();
        }
    }
}
