// MercadoPago.Resource.Payment.Payment of mercadopago-sdk 3.5.0: a subset of its properties (names and types
// as in the SDK), grouped by meaning. Their order does not matter: the JSON is matched by name.
namespace MercadoPago.Resource.Payment
{
    using System;
    using MercadoPago.Http;

    /// <summary>A payment as the API returns it (status_detail -> StatusDetail).</summary>
    /// <remarks>
    /// SHORTCUT: only top-level scalar properties are kept. The SDK's class has about sixty, nested objects
    /// among them (Payer, Card, TransactionDetails, FeeDetails, Refunds, PointOfInteraction, Metadata...),
    /// which the double leaves out. The whole body is still there, as received, in ApiResponse.Content.
    /// </remarks>
    public class Payment : IResource
    {
        public long? Id { get; set; }

        public string Status { get; set; }

        public string StatusDetail { get; set; }

        public bool? Captured { get; set; }

        // Amounts.
        public decimal? TransactionAmount { get; set; }

        public decimal? TransactionAmountRefunded { get; set; }

        public string CurrencyId { get; set; }

        public int? Installments { get; set; }

        // Dates.
        public DateTime? DateCreated { get; set; }

        public DateTime? DateLastUpdated { get; set; }

        public DateTime? DateApproved { get; set; }

        public DateTime? MoneyReleaseDate { get; set; }

        public DateTime? DateOfExpiration { get; set; }

        // How it was paid.
        public string PaymentMethodId { get; set; }

        public string PaymentTypeId { get; set; }

        public string IssuerId { get; set; }

        public string OperationType { get; set; }

        public string ProcessingMode { get; set; }

        public bool? BinaryMode { get; set; }

        // Whose, and the seller's references.
        public long? CollectorId { get; set; }

        public bool? LiveMode { get; set; }

        public string Description { get; set; }

        public string ExternalReference { get; set; }

        public string StatementDescriptor { get; set; }

        public string NotificationUrl { get; set; }

        /// <summary>The HTTP answer (status code, headers, raw body) the payment was read from.</summary>
        public MercadoPagoResponse ApiResponse { get; set; }
    }
}
