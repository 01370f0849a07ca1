// MercadoPago.Error.ApiError of mercadopago-sdk 3.5.0: the API's error body, read by name.
namespace MercadoPago.Error
{
    using System.Collections.Generic;

    /// <summary>{"message", "error", "status", "cause": [...]}; some APIs send "errors" instead of "cause".</summary>
    public class ApiError
    {
        public string Message { get; set; }

        public string Error { get; set; }

        public int? Status { get; set; }

        public IList<ApiErrorCause> Cause { get; set; }

        public IList<ApiErrorCause> Errors { get; set; }
    }
}
