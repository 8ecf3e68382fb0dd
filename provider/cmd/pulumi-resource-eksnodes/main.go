// Command pulumi-resource-eksnodes is the eksnodes provider plugin.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/eksnodes/pulumi-eksnodes/provider"
)

func main() {
	prov, err := provider.New()
	if err == nil {
		err = prov.Run(context.Background(), provider.Name, provider.Version)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
