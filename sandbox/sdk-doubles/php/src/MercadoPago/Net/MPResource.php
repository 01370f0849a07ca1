<?php

namespace MercadoPago\Net;

/** Test double of MercadoPago\Net\MPResource (dx-php 3.13.0, src/MercadoPago/Net/MPResource.php): a resource carries the MPResponse it came from. */
class MPResource
{
    private MPResponse $response;

    public function setResponse(MPResponse $response): void
    {
        $this->response = $response;
    }

    public function getResponse(): MPResponse
    {
        return $this->response;
    }
}
