// Double of src/MercadoPago/Config/MercadoPagoConfig.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Config
{
    using System;
    using MercadoPago.Http;
    using MercadoPago.Serialization;

    /// <summary>Global SDK settings, as in the real static class.</summary>
    public static class MercadoPagoConfig
    {
        private const string DefaultBaseUrl = "https://api.mercadopago.com";
        private const string SdkProductId = "BC32BHVTRPP001U8NHL0";
        private const int DefaultMaxHttpRetries = 2;

        private static IHttpClient httpClient;
        private static ISerializer serializer;
        private static IRetryStrategy retryStrategy;

        static MercadoPagoConfig()
        {
            // Same recipe as the SDK: three-part assembly version, and the runtime version
            // in the tracking id (on Mono that is the CLR version 4.0.30319.42000, on .NET 8 it is 8.0.x).
            Version = typeof(MercadoPagoConfig).Assembly.GetName().Version.ToString(3);
            TrackingId = "platform:" + Environment.Version.Major + "|" + Environment.Version
                + ",type:SDK" + Version + ",so;";
        }

        public static string Version { get; private set; }

        public static string TrackingId { get; private set; }

        /// <summary>Read-only in the real SDK too: there is no way to point it at another host.</summary>
        public static string BaseUrl
        {
            get { return DefaultBaseUrl; }
        }

        public static string ProductId
        {
            get { return SdkProductId; }
        }

        // SHORTCUT: the real getters fall back to ConfigurationManager.AppSettings["MercadoPagoAccessToken"]
        // (and ...CorporationId / ...IntegratorId / ...PlatformId); the double has no app.config support.
        public static string AccessToken { get; set; }

        public static string CorporationId { get; set; }

        public static string IntegratorId { get; set; }

        public static string PlatformId { get; set; }

        /// <summary>The transport hook: a DefaultHttpClient is created on first use.</summary>
        public static IHttpClient HttpClient
        {
            get { return httpClient ?? (httpClient = new DefaultHttpClient()); }
            set { httpClient = value; }
        }

        public static ISerializer Serializer
        {
            get { return serializer ?? (serializer = new DefaultSerializer()); }
            set { serializer = value; }
        }

        public static IRetryStrategy RetryStrategy
        {
            get { return retryStrategy ?? (retryStrategy = new DefaultRetryStrategy(DefaultMaxHttpRetries)); }
            set { retryStrategy = value; }
        }
    }
}
