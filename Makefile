# eksnodes — Pulumi components for Amazon EKS self-managed nodes.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VERSION ?= 0.1.0
GO_PACKAGES := ./...

.PHONY: help build test lint docs

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## Compile every package and example
	go build $(GO_PACKAGES)

lint: ## Check formatting and run go vet
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet $(GO_PACKAGES)

docs: ## Regenerate the README's reference tables from the component descriptions
	go run ./internal/readme/cmd README.md

test: lint ## Run the whole test suite (installs what it needs)
	go test -count=1 $(GO_PACKAGES)
