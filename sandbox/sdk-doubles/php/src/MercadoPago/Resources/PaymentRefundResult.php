<?php

namespace MercadoPago\Resources;

use MercadoPago\Net\MPResource;
use MercadoPago\Resources\Payment\PaymentRefundListResult;
use MercadoPago\Serialization\Mapper;

/**
 * What PaymentRefundClient::list() returns: $data holds the payment's refunds, each a
 * PaymentRefundListResult, oldest first ([] when there are none). getResponse()->getContent()
 * is the API's bare JSON array, decoded.
 */
class PaymentRefundResult extends MPResource
{
    use Mapper;

    public array|object|null $data;

    private $map = ['data' => PaymentRefundListResult::class];

    public function getMap(): array
    {
        return $this->map;
    }
}
