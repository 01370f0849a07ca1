module example.com/get-refund

go 1.18

require github.com/mercadopago/sdk-go v1.8.0

require github.com/google/uuid v1.5.0 // indirect
