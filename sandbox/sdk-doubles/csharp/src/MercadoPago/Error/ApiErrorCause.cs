// MercadoPago.Error.ApiErrorCause of mercadopago-sdk 3.5.0: one entry of ApiError.Cause / Errors.
namespace MercadoPago.Error
{
    using System.Collections.Generic;

    public class ApiErrorCause
    {
        /// <summary>A string: the API's numeric code 2018 is read as "2018".</summary>
        public string Code { get; set; }

        public string Message { get; set; }

        public string Description { get; set; }

        public List<string> Details { get; set; }
    }
}
