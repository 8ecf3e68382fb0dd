// Command docs writes provider/docs.json, the schema's descriptions, from the doc comments of
// the nodegroup package (the first step of make codegen). It compiles without the provider,
// which embeds the file it writes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eksnodes/pulumi-eksnodes/tools/codegen/docs"
)

func main() {
	root := flag.String("root", "../..", "the repository root")
	flag.Parse()
	set, err := docs.Read(filepath.Join(*root, docs.Package))
	var body []byte
	if err == nil {
		body, err = set.JSON()
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(*root, docs.Output), body, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "docs:", err)
		os.Exit(1)
	}
	fmt.Println("wrote", docs.Output)
}
