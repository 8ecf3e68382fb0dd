// Package offline runs the examples through the real Pulumi engine without an AWS account: the
// Pulumi CLI built by `make tools`, a temporary PULUMI_HOME and file backend, the eksnodes plugin
// and the test-only stand-in for the AWS plugin on PATH, and Automation API inline programs
// (no language host needed).
//
// The same lifecycle runs for every language and yields the same structured results, which
// Verify checks: what the engine reported, not what it printed.
package offline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Environment variables that `make` sets for the offline runs.
const (
	// EnvPulumiRoot is the folder holding bin/pulumi (scripts/pulumi-cli.sh prints it).
	EnvPulumiRoot = "EKSNODES_PULUMI_ROOT"
	// EnvPluginPath lists folders (os.PathListSeparator) holding pulumi-resource-eksnodes and
	// the stand-in pulumi-resource-aws.
	EnvPluginPath = "EKSNODES_PLUGIN_PATH"
	// EnvArtifacts is the folder where scripts/check-sdks.sh leaves the packed SDK, the
	// prepared TypeScript example and the Python virtualenv.
	EnvArtifacts = "EKSNODES_ARTIFACTS"
	// EnvRequired makes a missing setup an error instead of a reason to skip.
	EnvRequired = "EKSNODES_E2E"
)

// Passphrase protects the throwaway stacks' secrets.
const Passphrase = "eksnodes-offline"

// Env is one isolated Pulumi environment.
type Env struct {
	PulumiRoot string
	PluginPath string
	Artifacts  string
	Home       string // PULUMI_HOME
	Backend    string // file:// URL
	// Extra are more environment variables for the CLI and programs, such as
	// PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES.
	Extra map[string]string
}

// ErrNotConfigured says the offline setup is absent (run through make).
var ErrNotConfigured = errors.New("the offline engine is not set up: run `make test-e2e` or `make preview`, which build the Pulumi CLI and the plugins")

// FromEnvironment prepares an Env under dir from the variables make sets.
func FromEnvironment(dir string) (*Env, error) {
	e := &Env{
		PulumiRoot: os.Getenv(EnvPulumiRoot),
		PluginPath: os.Getenv(EnvPluginPath),
		Artifacts:  os.Getenv(EnvArtifacts),
		Home:       filepath.Join(dir, "pulumi-home"),
	}
	if e.PulumiRoot == "" || e.PluginPath == "" {
		return nil, ErrNotConfigured
	}
	if _, err := os.Stat(filepath.Join(e.PulumiRoot, "bin", "pulumi")); err != nil {
		return nil, fmt.Errorf("%s: %w", EnvPulumiRoot, err)
	}
	for _, d := range filepath.SplitList(e.PluginPath) {
		if _, err := os.Stat(d); err != nil {
			return nil, fmt.Errorf("%s: %w", EnvPluginPath, err)
		}
	}
	state := filepath.Join(dir, "state")
	for _, d := range []string{e.Home, state} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	e.Backend = "file://" + state
	return e, nil
}

// Vars are the environment variables of every Pulumi command and program of this Env.
func (e *Env) Vars() map[string]string {
	vars := map[string]string{
		"PULUMI_HOME":                              e.Home,
		"PULUMI_BACKEND_URL":                       e.Backend,
		"PULUMI_CONFIG_PASSPHRASE":                 Passphrase,
		"PULUMI_SKIP_UPDATE_CHECK":                 "true",
		"PULUMI_DIY_BACKEND_NO_LEGACY_WARNING":     "true",
		"PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK": "true",
		"PATH": strings.Join([]string{e.PluginPath, filepath.Join(e.PulumiRoot, "bin"), os.Getenv("PATH")},
			string(os.PathListSeparator)),
	}
	for k, v := range e.Extra {
		vars[k] = v
	}
	return vars
}

// Environ returns os.Environ with Vars applied, for child processes.
func (e *Env) Environ() []string {
	vars := e.Vars()
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if _, ok := vars[k]; !ok {
			out = append(out, kv)
		}
	}
	for k, v := range vars {
		out = append(out, k+"="+v)
	}
	return out
}
