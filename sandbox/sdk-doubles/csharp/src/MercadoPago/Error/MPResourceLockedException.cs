// Double of src/MercadoPago/Error/MPResourceLockedException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using MercadoPago.Http;

    /// <summary>HTTP 423.</summary>
    public class MPResourceLockedException : MercadoPagoApiException
    {
        public MPResourceLockedException(string message, MercadoPagoResponse response)
            : base(message, response)
        {
        }
    }
}
