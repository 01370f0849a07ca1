// Double of src/MercadoPago/Resource/Payment/PaymentStatus.cs (mercadopago-sdk 3.5.0).
namespace MercadoPago.Resource.Payment
{
    public static class PaymentStatus
    {
        public const string Approved = "approved";
        public const string Pending = "pending";
        public const string Authorized = "authorized";
        public const string InProcess = "in_process";
        public const string InMediation = "in_mediation";
        public const string Rejected = "rejected";
        public const string Cancelled = "cancelled";
        public const string Refunded = "refunded";
        public const string ChargedBack = "charged_back";
    }
}
