// Double of src/MercadoPago/Http/RetryResponse.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    using System;

    public class RetryResponse
    {
        public RetryResponse()
        {
        }

        public RetryResponse(bool retry, TimeSpan delay)
        {
            Retry = retry;
            Delay = delay;
        }

        public bool Retry { get; set; }

        public TimeSpan Delay { get; set; }
    }
}
