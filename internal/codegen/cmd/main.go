// Command codegen writes schema.json and the SDKs into the repository root (make codegen).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/eksnodes/pulumi-eksnodes/internal/codegen"
)

func main() {
	files, err := codegen.Generate(context.Background())
	if err == nil {
		err = codegen.Write(".", files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "codegen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote schema.json and %d SDK files\n", len(files)-1)
}
