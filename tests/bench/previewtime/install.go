package previewtime

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// AWSVersion is the @pulumi/aws the TypeScript baseline uses: the version of the pulumi-aws Go
// SDK eksnodes is built with, which the stand-in AWS plugin answers for.
const AWSVersion = "6.83.2"

// InstallTypeScriptBaseline installs @pulumi/aws at AWSVersion and the @pulumi/pulumi the
// TypeScript eksnodes program uses (read from sdkNodeModules, so both TypeScript programs run
// the same runtime) into dir with npm, unless they are there already, and returns dir's
// node_modules.
func InstallTypeScriptBaseline(dir, sdkNodeModules string, log io.Writer) (string, error) {
	pulumiVersion, err := packageVersion(filepath.Join(sdkNodeModules, "@pulumi", "pulumi"))
	if err != nil {
		return "", fmt.Errorf("the TypeScript example's @pulumi/pulumi (run make test-sdks): %w", err)
	}
	nodeModules := filepath.Join(dir, "node_modules")
	aws, _ := packageVersion(filepath.Join(nodeModules, "@pulumi", "aws"))
	pulumi, _ := packageVersion(filepath.Join(nodeModules, "@pulumi", "pulumi"))
	if aws == AWSVersion && pulumi == pulumiVersion {
		return nodeModules, nil
	}
	manifest, err := json.MarshalIndent(map[string]any{
		"name": "eksnodes-bench-ts-baseline", "private": true,
		"dependencies": map[string]string{"@pulumi/aws": AWSVersion, "@pulumi/pulumi": pulumiVersion},
	}, "", "  ")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "package.json"), manifest, 0o644); err != nil {
		return "", err
	}
	fmt.Fprintf(log, "installing @pulumi/aws@%s and @pulumi/pulumi@%s into %s\n", AWSVersion, pulumiVersion, dir)
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--save-exact")
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, log, log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm install in %s: %w", dir, err)
	}
	return nodeModules, nil
}

func packageVersion(dir string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", err
	}
	var p struct{ Version string }
	return p.Version, json.Unmarshal(raw, &p)
}
