// Command readme rewrites the generated reference section of README.md from schema.json
// (make docs).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/readme"
)

func main() {
	root := flag.String("root", "../..", "the repository root")
	flag.Parse()
	if err := readme.Update(filepath.Join(*root, "README.md"), filepath.Join(*root, "schema.json")); err != nil {
		fmt.Fprintln(os.Stderr, "readme:", err)
		os.Exit(1)
	}
	fmt.Println("wrote the reference in README.md")
}
