// Double of src/MercadoPago/Error/MercadoPagoException.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Error
{
    using System;

    /// <summary>Thrown when no API answer could be had (the cause is the InnerException).</summary>
    public class MercadoPagoException : Exception
    {
        public MercadoPagoException(string message, Exception ex)
            : base(message, ex)
        {
        }

        public MercadoPagoException(Exception ex)
            : base("An unexpected error has occurred.", ex)
        {
        }

        public MercadoPagoException(string message)
            : base(message)
        {
        }
    }
}
