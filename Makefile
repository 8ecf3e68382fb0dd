# eksnodes — Pulumi components for Amazon EKS self-managed nodes.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VERSION := $(shell sed -n 's/^var Version = "\(.*\)"/\1/p' provider/provider.go)
LDFLAGS := -s -w -X github.com/eksnodes/pulumi-eksnodes/provider.Version=$(VERSION)

# Work products of the offline runs (git-ignored). The Pulumi CLI lives outside the work tree,
# in $EKSNODES_CACHE or ~/.cache/eksnodes (scripts/pulumi-cli.sh).
WORK := $(CURDIR)/.cache
ARTIFACTS := $(WORK)/artifacts
PLUGINS := $(WORK)/plugins
# Release artifacts (git-ignored): make dist, make packages.
DIST := $(CURDIR)/dist
PACKAGES := $(DIST)/packages
OFFLINE := EKSNODES_E2E=1 EKSNODES_PULUMI_ROOT="$$($(CURDIR)/scripts/pulumi-cli.sh)" \
	EKSNODES_PLUGIN_PATH="$(CURDIR)/bin:$(PLUGINS)" EKSNODES_ARTIFACTS="$(ARTIFACTS)"

.PHONY: help version build dist packages codegen docs lint tools plugins test test-go test-sdks test-e2e preview bench

help: ## List the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

version: ## Print the version (Version in provider/provider.go)
	@echo $(VERSION)

build: ## Compile everything and build the provider plugin into bin/
	go build ./...
	cd provider && go build -ldflags "$(LDFLAGS)" -o ../bin/pulumi-resource-eksnodes ./cmd/pulumi-resource-eksnodes

dist: ## Release tarballs of the plugin for linux, darwin and windows on amd64 and arm64, and SHA256SUMS, in dist/ (reproducible)
	cd tools/release && go run ./cmd/dist -root ../.. -out $(DIST) -version $(VERSION)

packages: ## What users install, in dist/packages: the npm tarball, the Python wheel and sdist (twine-checked), the plugin for this machine
	scripts/packages.sh $(PACKAGES)

codegen: ## Regenerate provider/docs.json (from the Go doc comments), schema.json, the TypeScript and Python SDKs and docs/reference/
	cd tools/codegen && go run ./cmd/docs -root ../.. && go run ./cmd/sdk -root ../.. && go run ./cmd/reference -root ../..

docs: ## Regenerate the README's reference from schema.json
	cd tools/codegen && go run ./cmd/readme -root ../..

lint: ## Check formatting, run go vet (every module, with and without the e2e build tag) and actionlint with shellcheck on the workflows
	@unformatted=$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./... && go vet -tags e2e ./...
	cd tests && go vet ./... && go vet -tags e2e ./...
	cd provider && go vet ./...
	cd tools/codegen && go vet ./...
	cd tools/release && go vet ./...
	scripts/actionlint.sh

tools: ## Build the Pulumi CLI v3.256.0 and the YAML language host from the Go module proxy into the cache (once)
	scripts/pulumi-yaml-host.sh

plugins: build ## Build the eksnodes plugin and the test-only stand-in AWS plugin
	cd tests && go build -o $(PLUGINS)/pulumi-resource-aws ./fakeaws/cmd/pulumi-resource-aws

test-go: ## Run the Go tests (components, user data through cloud-init and a PowerShell parser, fuzz seeds, schema and SDK drift, provider, parity, stand-in)
	scripts/ensure-shellcheck.sh
	scripts/ensure-cloud-init.sh
	scripts/ensure-pwsh-parser.sh
	EKSNODES_REQUIRE_SHELLCHECK=1 EKSNODES_REQUIRE_CLOUDINIT=1 EKSNODES_REQUIRE_PWSH_PARSER=1 go test -race -count=1 ./...
	cd provider && go test -count=1 ./...
	cd tools/codegen && go test -count=1 ./...
	cd tools/release && go test -count=1 ./...
	cd tests && go test -count=1 ./offline/... ./fakeaws/... ./conformance/...
	cd tests && go test -count=1 -skip '^TestMeasure(Minimal)?$$' ./bench/...

test-sdks: packages ## Install the built packages, compile the TypeScript examples, type-check the Python examples
	EKSNODES_ARTIFACTS="$(ARTIFACTS)" EKSNODES_PACKAGES="$(PACKAGES)" scripts/check-sdks.sh

test-e2e: tools plugins test-sdks dist ## Run the examples in Go, TypeScript, Python and YAML (through the pulumi CLI) through the real engine; check the release artifacts
	cd tools/release && EKSNODES_DIST="$(DIST)" go test -count=1 -run '^TestReleaseBuildIsReproducible$$' ./dist/
	cd tests && EKSNODES_E2E=1 EKSNODES_PACKAGES="$(PACKAGES)" go test -count=1 ./packaging/
	cd tests && $(OFFLINE) EKSNODES_DIST="$(DIST)" EKSNODES_PACKAGES="$(PACKAGES)" go test -count=1 -tags e2e ./e2e/
	cd tests && $(OFFLINE) go test -count=1 -tags e2e -run '^TestEngineSmoke$$' ./fakeaws/
	cd tests && $(OFFLINE) go test -count=1 -run '^TestMeasure' ./bench/pluginlatency/

test: lint test-go test-e2e ## Run the whole test suite (installs what it needs)

preview: tools plugins ## The main job: the real `pulumi preview --diff` of examples/yaml-basic, offline, and its user data as text
	scripts/preview-yaml.sh

bench: tools plugins test-sdks ## Benchmarks, plugin latency and memory against an empty plugin, offline preview times, user data sizes, a Go user's cold build against a pulumi-aws baseline and before/after the provider framework left the library: writes docs/PERFORMANCE.md
	mkdir -p $(WORK)/bench docs
	go test -run '^$$' -bench . -benchmem -count 5 ./nodegroup/ ./nodegroup/userdata/ | tee $(WORK)/bench/go.txt
	cd tests && go run ./bench/pluginlatency/cmd -plugin $(CURDIR)/bin/pulumi-resource-eksnodes -runs 15 -warmup 2 -invocations 3 -q -json $(WORK)/bench/plugin.json
	cd tests && $(OFFLINE) go run ./bench/previewtime/cmd -sizes 1,20,100 -rounds 7 -rounds-large 3 -json $(WORK)/bench/preview.json
	cd tests && go run ./bench/buildcost/cmd -runs 1 -init-runs 5 -json $(WORK)/bench/buildcost.json
	cd tests && go run ./bench/report -go $(WORK)/bench/go.txt -plugin $(WORK)/bench/plugin.json \
		-preview $(WORK)/bench/preview.json -buildcost $(WORK)/bench/buildcost.json -pulumi "$$($(CURDIR)/scripts/pulumi-cli.sh)/bin/pulumi" -out $(CURDIR)/docs/PERFORMANCE.md
