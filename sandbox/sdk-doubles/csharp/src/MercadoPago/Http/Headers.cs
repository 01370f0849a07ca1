// Double of src/MercadoPago/Http/Headers.cs (mercadopago-sdk 3.5.0): header names as the SDK spells them.
namespace MercadoPago.Http
{
    public static class Headers
    {
        public const string AUTHORIZATION = "Authorization";
        public const string CONTENT_TYPE = "Content-Type";
        public const string ACCEPT = "Accept";
        public const string USER_AGENT = "User-Agent";
        public const string IDEMPOTENCY_KEY = "X-Idempotency-Key";
        public const string PRODUCT_ID = "X-Product-Id";
        public const string CORPORATION_ID = "X-Corporation-Id";
        public const string INTEGRATOR_ID = "X-Integrator-Id";
        public const string PLATFORM_ID = "X-Platform-Id";
        public const string TRACKING_ID = "X-Tracking-Id";
    }
}
