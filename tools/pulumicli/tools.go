//go:build tools

// Package pulumicli pins the Pulumi CLI that `make tools` builds from the Go module proxy.
package pulumicli

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
