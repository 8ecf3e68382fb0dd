package nodegroup

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The library ships only itself: a program that imports nodegroup compiles the Pulumi SDK and
// the AWS provider's SDK, not the Pulumi engine (pulumi/pkg) or the provider framework
// (pulumi-go-provider), and the module a `go get` adds to users' graphs requires neither.
func TestLibraryShipsOnlyItself(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./", "./userdata", "./nodegrouptest", "./pulumieks").CombinedOutput()
	require.NoError(t, err, string(out))
	pkgs := strings.Fields(string(out))
	require.Greater(t, len(pkgs), 100, "go list printed the dependencies")
	for _, p := range pkgs {
		for _, banned := range []string{"github.com/pulumi/pulumi/pkg/", "github.com/pulumi/pulumi-go-provider", "github.com/eksnodes/pulumi-eksnodes/tests", "github.com/eksnodes/pulumi-eksnodes/tools", "github.com/eksnodes/pulumi-eksnodes/provider"} {
			assert.False(t, strings.HasPrefix(p, banned), "the library compiles %s", p)
		}
	}
	mod, err := os.ReadFile("../go.mod")
	require.NoError(t, err)
	for _, banned := range []string{"github.com/pulumi/pulumi/pkg/v3 ", "github.com/pulumi/pulumi-go-provider "} {
		assert.NotContains(t, string(mod), banned, "the library's go.mod requires %s", banned)
	}
}
