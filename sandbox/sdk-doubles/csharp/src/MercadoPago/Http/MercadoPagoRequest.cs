// MercadoPago.Http.MercadoPagoRequest of mercadopago-sdk 3.5.0: what a client hands to IHttpClient.
namespace MercadoPago.Http
{
    using System;
    using System.Collections.Generic;
    using System.Linq;

    public class MercadoPagoRequest
    {
        /// <summary>A GET with no URL, no headers and no body yet.</summary>
        public MercadoPagoRequest()
            : this(null, HttpMethod.GET, null, null)
        {
        }

        /// <summary>A null headers argument gives an empty dictionary.</summary>
        public MercadoPagoRequest(string url, HttpMethod method, IDictionary<string, string> headers, string content)
        {
            Headers = headers ?? new Dictionary<string, string>();
            Content = content;
            Method = method;
            Url = url;
        }

        public HttpMethod Method { get; set; }

        public string Url { get; set; }

        /// <summary>
        /// Sent in insertion order. Keys compare case-sensitively (a plain Dictionary, as in the SDK);
        /// ContainsHeader is the case-insensitive test.
        /// </summary>
        public IDictionary<string, string> Headers { get; private set; }

        /// <summary>The JSON body; null for none.</summary>
        public string Content { get; set; }

        public bool ContainsHeader(string header)
        {
            return Headers.Keys.Any(name => string.Equals(name, header, StringComparison.InvariantCultureIgnoreCase));
        }
    }
}
