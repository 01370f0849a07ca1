// MercadoPago.Error.MercadoPagoApiException of mercadopago-sdk 3.5.0: its members and Message format.
namespace MercadoPago.Error
{
    using System;
    using System.Collections.Generic;
    using System.Linq;
    using MercadoPago.Http;

    /// <summary>
    /// Thrown when the API answers with a status of 300 or more (the status-specific subclasses derive
    /// from it), and as "Invalid response from API." when a success answer is not JSON.
    /// </summary>
    public class MercadoPagoApiException : Exception
    {
        public MercadoPagoApiException(string message, MercadoPagoResponse response)
            : base(message)
        {
            ApiResponse = response;
            if (response != null)
            {
                StatusCode = response.StatusCode;
            }
        }

        /// <summary>
        /// The text given, then " | "-separated parts: "Status code: 400", "API message: ..." (ApiError.Message),
        /// one "API message error: ..." per entry of ApiError.Errors with a message, and "API message details: a| b"
        /// (the details of those entries, joined by "| ").
        /// </summary>
        public override string Message
        {
            get
            {
                var parts = new List<string> { base.Message };
                if (StatusCode != null)
                {
                    parts.Add("Status code: " + StatusCode.Value);
                }

                if (ApiError == null)
                {
                    return string.Join(" | ", parts);
                }

                if (!string.IsNullOrWhiteSpace(ApiError.Message))
                {
                    parts.Add("API message: " + ApiError.Message);
                }

                IEnumerable<ApiErrorCause> errors = ApiError.Errors ?? Enumerable.Empty<ApiErrorCause>();
                parts.AddRange(errors.Where(e => e.Message != null).Select(e => "API message error: " + e.Message));
                List<string> details = errors.Where(e => e.Details != null).SelectMany(e => e.Details).ToList();
                if (details.Count > 0)
                {
                    parts.Add("API message details: " + string.Join("| ", details));
                }

                return string.Join(" | ", parts);
            }
        }

        /// <summary>The answer's HTTP status (null only without an answer).</summary>
        public int? StatusCode { get; private set; }

        /// <summary>The error body parsed; null when it was not JSON.</summary>
        public ApiError ApiError { get; set; }

        /// <summary>The answer; ApiResponse.Content is the error body as received.</summary>
        public MercadoPagoResponse ApiResponse { get; private set; }
    }
}
