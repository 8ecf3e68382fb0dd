package buildcost

import (
	"context"
	"path/filepath"
	"testing"
)

// resolvePrograms lists the packages of each program folder, with absolute paths and the
// names given, and names the program whose folder does not build.
func TestResolvePrograms(t *testing.T) {
	found, err := resolvePrograms(context.Background(), "go", [][2]string{{"after", "framework/after"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].name != "after" || !filepath.IsAbs(found[0].dir) || found[0].deps.Packages < 100 {
		t.Errorf("resolvePrograms = %+v", found)
	}
	if _, err := resolvePrograms(context.Background(), "go", [][2]string{{"missing", "no-such-folder"}}); err == nil {
		t.Error("a folder that does not exist was accepted")
	}
}
