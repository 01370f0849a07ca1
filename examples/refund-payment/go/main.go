package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"

	"github.com/mercadopago/sdk-go/pkg/config"
	"github.com/mercadopago/sdk-go/pkg/mperror"
	"github.com/mercadopago/sdk-go/pkg/refund"
	"github.com/mercadopago/sdk-go/pkg/requester"
)

func main() {
	cfg, err := config.New(os.Getenv("MERCADOPAGO_ACCESS_TOKEN"))
	if err != nil {
		fail(err)
	}
	// Around the SDK's own requester (its timeout and retries stay), to keep the API's answer.
	answer := &keepBody{next: cfg.Requester}
	cfg.Requester = answer
	paymentID, err := strconv.Atoi(os.Getenv("PAYMENT_ID"))
	if err != nil {
		fail(fmt.Errorf("PAYMENT_ID: %w", err))
	}

	// Create sends no body: the API refunds all that is left of the payment.
	// The SDK sends a new X-Idempotency-Key with every POST by itself (it takes no key of ours):
	// a retry with the same key does not refund twice.
	if _, err := refund.NewClient(cfg).Create(context.Background(), paymentID); err != nil {
		fail(err)
	}
	// The refund as the API sent it: amount all that was left to refund, status "approved", refund_mode "standard".
	fmt.Println(string(answer.body))
}

// keepBody passes each request to the SDK's requester and keeps the body of the answer. The SDK
// (v1.8.0) decodes a refund into refund.Response, which has no amount_refunded_to_payer, metadata
// or labels and turns a null reason into "": printed again, that would not be the API's JSON.
type keepBody struct {
	next requester.Requester
	body []byte
}

func (k *keepBody) Do(req *http.Request) (*http.Response, error) {
	res, err := k.next.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if k.body, err = io.ReadAll(res.Body); err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(k.body))
	return res, nil
}

func fail(err error) {
	// An API error carries the HTTP status and the API's error body; a *url.Error means no
	// answer came at all (DNS, refused connection, TLS, timeout); anything else (a bad PAYMENT_ID)
	// is printed as it is.
	var apiErr *mperror.ResponseError
	var netErr *url.Error
	switch {
	case errors.As(err, &apiErr):
		fmt.Fprintf(os.Stderr, "Mercado Pago API error %d: %s\n", apiErr.StatusCode, apiErr.Message)
	case errors.As(err, &netErr):
		fmt.Fprintf(os.Stderr, "Could not reach Mercado Pago: %v\n", netErr)
	default:
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(1)
}
