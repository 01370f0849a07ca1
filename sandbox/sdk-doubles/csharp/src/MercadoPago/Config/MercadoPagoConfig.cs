// MercadoPago.Config.MercadoPagoConfig of mercadopago-sdk 3.5.0: the SDK's settings, with its names and values.
namespace MercadoPago.Config
{
    using System;
    using MercadoPago.Http;
    using MercadoPago.Serialization;

    /// <summary>Process-wide settings read by every client call.</summary>
    public static class MercadoPagoConfig
    {
        private static IHttpClient httpClient;
        private static IRetryStrategy retryStrategy;
        private static ISerializer serializer;

        /// <summary>"3.5.0": the assembly version, three parts (User-Agent and X-Tracking-Id carry it).</summary>
        public static string Version { get; } = typeof(MercadoPagoConfig).Assembly.GetName().Version.ToString(3);

        /// <summary>
        /// "platform:&lt;major&gt;|&lt;runtime version&gt;,type:SDK3.5.0,so;" from Environment.Version: on Mono
        /// "platform:4|4.0.30319.42000,...", on .NET 8 "platform:8|8.0.x,...".
        /// </summary>
        public static string TrackingId { get; } = string.Format(
            "platform:{0}|{1},type:SDK{2},so;", Environment.Version.Major, Environment.Version, Version);

        /// <summary>Fixed, in the SDK too: there is no setting for another host.</summary>
        public static string BaseUrl
        {
            get { return "https://api.mercadopago.com"; }
        }

        public static string ProductId
        {
            get { return "BC32BHVTRPP001U8NHL0"; }
        }

        // SHORTCUT: when these four are blank the SDK's getters also look in ConfigurationManager.AppSettings
        // ("MercadoPagoAccessToken", "MercadoPagoCorporationId", ...). The double reads no app.config.
        public static string AccessToken { get; set; }

        public static string CorporationId { get; set; }

        public static string IntegratorId { get; set; }

        public static string PlatformId { get; set; }

        // The three hooks below are made on first read when nobody set them.

        /// <summary>A DefaultHttpClient unless set.</summary>
        public static IHttpClient HttpClient
        {
            get { return OnFirstRead(ref httpClient, () => new DefaultHttpClient()); }
            set { httpClient = value; }
        }

        /// <summary>DefaultRetryStrategy(2): two retries at most.</summary>
        public static IRetryStrategy RetryStrategy
        {
            get { return OnFirstRead(ref retryStrategy, () => new DefaultRetryStrategy(2)); }
            set { retryStrategy = value; }
        }

        public static ISerializer Serializer
        {
            get { return OnFirstRead(ref serializer, () => new DefaultSerializer()); }
            set { serializer = value; }
        }

        private static T OnFirstRead<T>(ref T slot, Func<T> make)
            where T : class
        {
            if (slot == null)
            {
                slot = make();
            }

            return slot;
        }
    }
}
