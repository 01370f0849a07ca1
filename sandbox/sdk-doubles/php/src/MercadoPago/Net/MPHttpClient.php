<?php

namespace MercadoPago\Net;

/** Test double of MercadoPago\Net\MPHttpClient (dx-php 3.13.0, src/MercadoPago/Net/MPHttpClient.php). */
interface MPHttpClient
{
    public function send(MPRequest $request): MPResponse;
}
