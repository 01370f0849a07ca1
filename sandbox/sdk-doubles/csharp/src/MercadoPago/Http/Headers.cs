// MercadoPago.Http.Headers of mercadopago-sdk 3.5.0: the header names, spelled as the SDK sends them.
namespace MercadoPago.Http
{
    public static class Headers
    {
        // Sent on every call, in this order: see WireRequest.Compose.
        public const string ACCEPT = "Accept";
        public const string PRODUCT_ID = "X-Product-Id";
        public const string USER_AGENT = "User-Agent";
        public const string TRACKING_ID = "X-Tracking-Id";
        public const string AUTHORIZATION = "Authorization";

        // Sent when MercadoPagoConfig has a value for them.
        public const string CORPORATION_ID = "X-Corporation-Id";
        public const string INTEGRATOR_ID = "X-Integrator-Id";
        public const string PLATFORM_ID = "X-Platform-Id";

        // Create requests (or the caller through CustomHeaders).
        public const string IDEMPOTENCY_KEY = "X-Idempotency-Key";

        // Set by the transport with the body; never taken from CustomHeaders.
        public const string CONTENT_TYPE = "Content-Type";
    }
}
