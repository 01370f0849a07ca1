<?php

namespace MercadoPago\Resources\Payment;

use MercadoPago\Resources\Common\Source;
use MercadoPago\Serialization\Mapper;

/**
 * One refund in PaymentRefundResult::$data (PaymentRefundClient::list()). The same fields as
 * Resources\PaymentRefund, with the same 3.13.0 types (?int $amount_refunded_to_payer included)
 * and a public $map, but it is no MPResource: an item has no getResponse().
 */
class PaymentRefundListResult
{
    use Mapper;

    // Which refund, of which payment
    public ?int $id;
    public ?int $payment_id;
    public ?string $unique_sequence_number;

    // How much
    public ?float $amount;
    public ?float $adjustment_amount;
    public ?int $amount_refunded_to_payer;
    public array|object|null $partition_details;

    // Its outcome
    public ?string $status;
    public ?string $refund_mode;
    public ?string $reason;
    public array|object|null $labels;

    // When, and who asked
    public ?string $date_created;
    public ?string $expiration_date;
    public array|object|null $source;
    public array|object|null $additional_data;

    public $map = ['source' => Source::class];

    public function getMap(): array
    {
        return $this->map;
    }
}
