// Package tree writes and compares the folders a generator owns entirely, for the generators'
// commands and their drift tests.
package tree

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// Write empties the owned folders under root, then writes files, named by their paths relative
// to root.
func Write(root string, owned []string, files map[string][]byte) error {
	for _, dir := range owned {
		if err := os.RemoveAll(filepath.Join(root, dir)); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Read returns every file under the folders dirs of root, by its path relative to root.
func Read(root string, dirs ...string) (map[string]string, error) {
	out := map[string]string{}
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			body, err := os.ReadFile(path)
			out[rel] = string(body)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Stale compares the committed files with freshly generated ones, both ways, and returns one
// message per file that differs, is missing or is left over, each naming the command to run.
func Stale(fresh, committed map[string]string, command string) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(fresh)) {
		body, ok := committed[name]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s is generated but not committed: run %s", name, command))
		case body != fresh[name]:
			out = append(out, fmt.Sprintf("%s differs from the generated file: run %s", name, command))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(committed)) {
		if _, ok := fresh[name]; !ok {
			out = append(out, fmt.Sprintf("%s is committed but no longer generated: run %s", name, command))
		}
	}
	return out
}
