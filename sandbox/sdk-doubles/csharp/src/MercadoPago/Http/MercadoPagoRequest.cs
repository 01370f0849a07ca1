// Double of src/MercadoPago/Http/MercadoPagoRequest.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    using System;
    using System.Collections.Generic;

    /// <summary>What the client hands to IHttpClient: URL, method, headers, JSON body.</summary>
    public class MercadoPagoRequest
    {
        public MercadoPagoRequest()
            : this(null, HttpMethod.GET, null, null)
        {
        }

        public MercadoPagoRequest(string url, HttpMethod method, IDictionary<string, string> headers, string content)
        {
            Url = url;
            Method = method;
            Headers = headers ?? new Dictionary<string, string>();
            Content = content;
        }

        public string Url { get; set; }

        public HttpMethod Method { get; set; }

        /// <summary>Case-sensitive dictionary, as in the SDK; use ContainsHeader for a case-insensitive test.</summary>
        public IDictionary<string, string> Headers { get; private set; }

        public string Content { get; set; }

        public bool ContainsHeader(string header)
        {
            foreach (string name in Headers.Keys)
            {
                if (name.Equals(header, StringComparison.InvariantCultureIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
