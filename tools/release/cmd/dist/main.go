// Command dist writes the provider plugin's release tarballs and their SHA256SUMS (make dist).
//
//	go run ./cmd/dist -root ../.. -out ../../dist -version 0.1.0 [-platforms all|host|linux-amd64,...]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/eksnodes/pulumi-eksnodes/tools/release/dist"
)

func main() {
	root := flag.String("root", "../..", "the repository root")
	out := flag.String("out", "../../dist", "the folder to write the tarballs and SHA256SUMS to")
	version := flag.String("version", "", "the plugin version, without a leading v (the Makefile passes provider.Version)")
	platforms := flag.String("platforms", "all", "all, host, or a comma-separated list of os-arch pairs")
	flag.Parse()
	if err := run(*root, *out, *version, *platforms); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

func run(root, out, version, list string) error {
	ps, err := dist.ParsePlatforms(list, runtime.GOOS, runtime.GOARCH)
	if err != nil {
		return err
	}
	at, err := dist.SourceTime(root)
	if err != nil {
		return err
	}
	tarballs, err := dist.Build(dist.Options{
		Root: root, Out: out, Version: version, Platforms: ps, Time: at,
		Log: func(format string, args ...any) { fmt.Fprintf(os.Stderr, "dist: "+format+"\n", args...) },
	})
	for _, t := range tarballs {
		fmt.Println(filepath.Clean(t))
	}
	return err
}
