<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Serialization\Mapper;

/**
 * Test double of MercadoPago\Resources\Payment\TransactionDetails (dx-php 3.13.0,
 * src/MercadoPago/Resources/Payment/TransactionDetails.php).
 * Shortcut: the mapped Barcode class is not in the double, so a barcode stays an array.
 */
class TransactionDetails
{
    use Mapper;

    public ?string $financial_institution;
    public ?float $net_received_amount;
    public ?float $total_paid_amount;
    public ?float $installment_amount;
    public ?float $overpaid_amount;
    public ?string $external_resource_url;
    public ?string $payment_method_reference_id;
    public ?string $acquirer_reference;
    public ?string $payable_deferral_period;
    public ?string $bank_transfer_id;
    public ?string $transaction_id;
    public array|object|null $barcode;
    public ?string $digitable_line;
    public ?string $verification_code;

    private $map = [
        "barcode" => "MercadoPago\Resources\Payment\Barcode",
    ];

    public function getMap(): array
    {
        return $this->map;
    }
}
