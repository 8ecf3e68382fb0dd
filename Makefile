# eksnodes — Pulumi components for Amazon EKS self-managed nodes.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VERSION := $(shell sed -n 's/^var Version = "\(.*\)"/\1/p' provider/provider.go)
LDFLAGS := -X github.com/eksnodes/pulumi-eksnodes/provider.Version=$(VERSION)

.PHONY: help build codegen test test-go test-sdks lint docs

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## Compile everything and build the provider plugin into bin/
	go build ./...
	go build -ldflags "$(LDFLAGS)" -o bin/pulumi-resource-eksnodes ./provider/cmd/pulumi-resource-eksnodes

codegen: ## Regenerate schema.json and the TypeScript and Python SDKs from the Go types
	go run ./internal/codegen/cmd

docs: ## Regenerate the README's reference tables from the component descriptions
	go run ./internal/readme/cmd README.md

lint: ## Check formatting and run go vet
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./...

test-go: ## Run the Go tests (components, user data, schema and SDK drift, provider, parity)
	go test -count=1 ./...

test-sdks: ## Pack and install the SDKs, compile the TypeScript example, type-check the Python example
	scripts/check-sdks.sh

test: lint test-go test-sdks ## Run the whole test suite (installs what it needs)
