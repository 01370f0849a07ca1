<?php

namespace MercadoPago\Net;

/** Base of the resources (Payment): it keeps the MPResponse it was read from. */
class MPResource
{
    private MPResponse $response;

    public function getResponse(): MPResponse
    {
        return $this->response;
    }

    public function setResponse(MPResponse $response): void
    {
        $this->response = $response;
    }
}
