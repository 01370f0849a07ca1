<?php

namespace MercadoPago\Net;

/**
 * What the clients send through (MercadoPagoConfig::setHttpClient swaps it). send() gives the
 * 2xx answer or throws: an MPApiException for any other status, a plain \Exception when no
 * answer came.
 */
interface MPHttpClient
{
    public function send(MPRequest $request): MPResponse;
}
