/** The host the official SDKs call. Every adapter presents requests as addressed to it. */
export const API_ORIGIN = 'https://api.mercadopago.com';
