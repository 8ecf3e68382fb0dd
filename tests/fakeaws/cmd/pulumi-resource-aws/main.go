// Command pulumi-resource-aws is a TEST DOUBLE of the Pulumi AWS provider plugin v6.83.2,
// built only for eksnodes' end-to-end tests. It never ships and must never be used against
// real infrastructure: it calls no AWS API and invents every ID and ARN. See ../../README.md.
package main

import (
	"context"
	"fmt"
	"os"

	p "github.com/pulumi/pulumi-go-provider"

	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

func main() {
	if err := p.RunProvider(context.Background(), fakeaws.PackageName, fakeaws.Version, fakeaws.Provider()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
