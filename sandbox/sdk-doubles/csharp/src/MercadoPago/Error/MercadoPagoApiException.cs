// Double of src/MercadoPago/Error/MercadoPagoApiException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using System;
    using System.Collections.Generic;
    using System.Text;
    using MercadoPago.Http;

    /// <summary>
    /// Thrown when the API answers with a status above 299. The status-specific subclasses
    /// (MPBadRequestException for 400, MPNotFoundException for 404...) all derive from it.
    /// </summary>
    public class MercadoPagoApiException : Exception
    {
        public MercadoPagoApiException(string message, MercadoPagoResponse response)
            : base(message)
        {
            ApiResponse = response;
            StatusCode = response == null ? (int?)null : response.StatusCode;
        }

        /// <summary>e.g. "Error response from API. | Status code: 400 | API message: ...".</summary>
        public override string Message
        {
            get
            {
                var text = new StringBuilder(base.Message);
                if (StatusCode.HasValue)
                {
                    text.Append(" | Status code: ").Append(StatusCode.Value);
                }

                if (ApiError != null && !string.IsNullOrWhiteSpace(ApiError.Message))
                {
                    text.Append(" | API message: ").Append(ApiError.Message);
                }

                if (ApiError != null && ApiError.Errors != null && ApiError.Errors.Count > 0)
                {
                    var details = new List<string>();
                    foreach (var error in ApiError.Errors)
                    {
                        if (error.Details != null)
                        {
                            details.AddRange(error.Details);
                        }

                        if (error.Message != null)
                        {
                            text.Append(" | API message error: ").Append(error.Message);
                        }
                    }

                    if (details.Count > 0)
                    {
                        text.Append(" | API message details: ").Append(string.Join("| ", details));
                    }
                }

                return text.ToString();
            }
        }

        /// <summary>The HTTP status code of the answer.</summary>
        public int? StatusCode { get; private set; }

        /// <summary>The parsed error body, or null when it was not JSON.</summary>
        public ApiError ApiError { get; set; }

        /// <summary>The raw answer; ApiResponse.Content is the error body as received.</summary>
        public MercadoPagoResponse ApiResponse { get; private set; }
    }
}
