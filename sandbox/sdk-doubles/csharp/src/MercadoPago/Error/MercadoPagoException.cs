// MercadoPago.Error.MercadoPagoException of mercadopago-sdk 3.5.0: its three constructors and default message.
namespace MercadoPago.Error
{
    using System;

    /// <summary>
    /// What a client call throws when no answer could be had: a refused connection, DNS, TLS, a timeout.
    /// The message is then "An unexpected error has occurred." and the cause is the InnerException
    /// (an HttpRequestException; GetBaseException() reaches the socket error, e.g. "Connection refused").
    /// </summary>
    public class MercadoPagoException : Exception
    {
        private const string Unexpected = "An unexpected error has occurred.";

        public MercadoPagoException(string message)
            : base(message)
        {
        }

        public MercadoPagoException(Exception ex)
            : this(Unexpected, ex)
        {
        }

        public MercadoPagoException(string message, Exception ex)
            : base(message, ex)
        {
        }
    }
}
