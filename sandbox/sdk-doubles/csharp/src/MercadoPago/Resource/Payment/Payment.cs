// Double of src/MercadoPago/Resource/Payment/Payment.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Resource.Payment
{
    using System;
    using MercadoPago.Http;

    /// <summary>A payment, mapped from the API's snake_case JSON (status_detail -> StatusDetail).</summary>
    /// <remarks>
    /// SHORTCUT: only the top-level scalar properties below are kept, with the SDK's names and types.
    /// The real class has ~60 properties, including nested objects (Payer, Card, TransactionDetails,
    /// FeeDetails, Refunds, PointOfInteraction, Metadata...), which the double leaves out. The whole
    /// body is still available, unparsed, in ApiResponse.Content.
    /// </remarks>
    public class Payment : IResource
    {
        public long? Id { get; set; }

        public DateTime? DateCreated { get; set; }

        public DateTime? DateApproved { get; set; }

        public DateTime? DateLastUpdated { get; set; }

        public DateTime? DateOfExpiration { get; set; }

        public DateTime? MoneyReleaseDate { get; set; }

        public string OperationType { get; set; }

        public string IssuerId { get; set; }

        public string PaymentMethodId { get; set; }

        public string PaymentTypeId { get; set; }

        public string Status { get; set; }

        public string StatusDetail { get; set; }

        public string CurrencyId { get; set; }

        public string Description { get; set; }

        public bool? LiveMode { get; set; }

        public long? CollectorId { get; set; }

        public string ExternalReference { get; set; }

        public decimal? TransactionAmount { get; set; }

        public decimal? TransactionAmountRefunded { get; set; }

        public int? Installments { get; set; }

        public bool? Captured { get; set; }

        public bool? BinaryMode { get; set; }

        public string StatementDescriptor { get; set; }

        public string NotificationUrl { get; set; }

        public string ProcessingMode { get; set; }

        /// <summary>The raw HTTP answer (status code, headers, body) this payment was read from.</summary>
        public MercadoPagoResponse ApiResponse { get; set; }
    }
}
