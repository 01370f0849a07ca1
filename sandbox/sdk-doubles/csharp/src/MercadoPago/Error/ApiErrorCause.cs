// Double of src/MercadoPago/Error/ApiErrorCause.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using System.Collections.Generic;

    public class ApiErrorCause
    {
        /// <summary>A string in the SDK: the API's numeric code 2018 reads as "2018".</summary>
        public string Code { get; set; }

        public string Description { get; set; }

        public string Message { get; set; }

        public List<string> Details { get; set; }
    }
}
