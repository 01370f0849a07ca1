// Test double of the NuGet package mercadopago-sdk 3.5.0 (assembly "MercadoPago").
// The real assembly is version 3.5.0 and strong-name signed; the double only carries the version,
// because MercadoPagoConfig.Version (and so User-Agent / X-Tracking-Id) is derived from it.
using System.Reflection;

[assembly: AssemblyTitle("MercadoPago")]
[assembly: AssemblyDescription("Test double of mercadopago-sdk 3.5.0 (not the official SDK)")]
[assembly: AssemblyVersion("3.5.0.0")]
