<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Serialization\Mapper;

/**
 * Payment::$transaction_details. Left out: the mapped Barcode class, so a barcode stays an array.
 */
class TransactionDetails
{
    use Mapper;

    // Amounts
    public ?float $installment_amount;
    public ?float $net_received_amount;
    public ?float $overpaid_amount;
    public ?float $total_paid_amount;

    // References
    public ?string $acquirer_reference;
    public ?string $bank_transfer_id;
    public ?string $payment_method_reference_id;
    public ?string $transaction_id;

    // Tickets and transfers
    public array|object|null $barcode;
    public ?string $digitable_line;
    public ?string $external_resource_url;
    public ?string $financial_institution;
    public ?string $payable_deferral_period;
    public ?string $verification_code;

    private $map = ['barcode' => Barcode::class];

    public function getMap(): array
    {
        return $this->map;
    }
}
