// MercadoPago.Http.HttpMethod of mercadopago-sdk 3.5.0, with the SDK's numeric values.
namespace MercadoPago.Http
{
    /// <summary>The methods a client can ask for. DefaultHttpClient refuses PATCH, as the SDK's does.</summary>
    public enum HttpMethod
    {
        GET = 0,
        POST = 1,
        PUT = 2,
        DELETE = 3,
        PATCH = 4,
    }
}
