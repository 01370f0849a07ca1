// Double of src/MercadoPago/Error/ApiError.cs (mercadopago-sdk 3.5.0): the API's error envelope.
namespace MercadoPago.Error
{
    using System.Collections.Generic;

    /// <summary>{"message", "error", "status", "cause": [...]} (and "errors" on some APIs).</summary>
    public class ApiError
    {
        public int? Status { get; set; }

        public string Error { get; set; }

        public IList<ApiErrorCause> Errors { get; set; }

        public string Message { get; set; }

        public IList<ApiErrorCause> Cause { get; set; }
    }
}
