// Double of src/MercadoPago/Http/HttpMethod.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Http
{
    public enum HttpMethod
    {
        GET,
        POST,
        PUT,
        DELETE,
        PATCH,
    }
}
