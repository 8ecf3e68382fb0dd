// Command sdk writes schema.json and the TypeScript and Python SDKs from the provider (the
// second step of make codegen, after cmd/docs).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/sdkgen"
)

func main() {
	root := flag.String("root", "../..", "the repository root")
	flag.Parse()
	files, err := sdkgen.Generate(context.Background())
	if err == nil {
		err = sdkgen.Write(*root, files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sdk:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote schema.json and %d SDK files\n", len(files)-1)
}
