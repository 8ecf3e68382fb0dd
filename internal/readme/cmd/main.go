// Command readme rewrites the generated reference section of README.md.
package main

import (
	"fmt"
	"os"

	"github.com/eksnodes/pulumi-eksnodes/internal/readme"
)

func main() {
	path := "README.md"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	if err := readme.Update(path); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
