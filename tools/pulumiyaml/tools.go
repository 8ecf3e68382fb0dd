//go:build tools

// Package pulumiyaml pins the Pulumi YAML language host that `make tools` builds next to the
// Pulumi CLI (scripts/pulumi-yaml-host.sh). It links pulumi pkg/sdk v3.206.0, which is why it
// lives in its own module, apart from the CLI's.
package pulumiyaml

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
