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
	"github.com/mercadopago/sdk-go/pkg/payment"
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

	// The SDK sends a new X-Idempotency-Key with every PUT by itself (it takes no key of ours):
	// a retry with the same key is not cancelled twice.
	if _, err := payment.NewClient(cfg).Cancel(context.Background(), paymentID); err != nil {
		fail(err)
	}
	// The payment as the API sent it: status "cancelled", status_detail "by_collector", captured false.
	fmt.Println(string(answer.body))
}

// keepBody passes each request to the SDK's requester and keeps the body of the answer. The SDK
// (v1.8.0) decodes the payment into payment.Response, which has no charges_details and turns
// each null (date_approved, money_release_date…) into "" or year 1: printed again, that would
// not be the API's JSON.
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
