// Command reference writes docs/reference/, the API reference per language, from schema.json
// and the nodegroup library types (the third step of make codegen).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/readme"
	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/reference"
)

func main() {
	root := flag.String("root", "../..", "the repository root")
	flag.Parse()
	s, err := readme.Load(filepath.Join(*root, "schema.json"))
	var files map[string][]byte
	if err == nil {
		files, err = reference.Generate(s)
	}
	if err == nil {
		err = reference.Write(*root, files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "reference:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d pages in %s\n", len(files), reference.Dir)
}
