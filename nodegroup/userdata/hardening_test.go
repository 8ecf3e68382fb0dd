package userdata

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Everything in a node's user data runs before the kubelet starts, so it must not install
// packages or download anything: run every script part of a hardened document with stub
// commands that record their calls, and check that only systemctl was called, to queue the
// hardening unit.
func TestHardeningDoesNothingSlowBeforeTheNodeJoins(t *testing.T) {
	doc, err := Render(Input{Format: FormatNodeadm, Cluster: testCluster, PostScripts: []string{AL2023HardeningScript()}})
	require.NoError(t, err)
	parts, err := ParseMIME(doc)
	require.NoError(t, err)

	dir := t.TempDir()
	bin, root, calls := filepath.Join(dir, "bin"), filepath.Join(dir, "root"), filepath.Join(dir, "calls")
	require.NoError(t, os.MkdirAll(bin, 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc/systemd/system"), 0o755))
	for _, cmd := range []string{"systemctl", "dnf", "yum", "rpm", "curl", "wget", "aide", "pip", "pip3", "git", "aws"} {
		stub := "#!/bin/sh\necho \"" + cmd + " $*\" >> " + calls + "\n"
		require.NoError(t, os.WriteFile(filepath.Join(bin, cmd), []byte(stub), 0o755))
	}
	scripts := 0
	for _, p := range parts {
		if p.ContentType != ShellScriptContentType {
			continue
		}
		scripts++
		body := strings.ReplaceAll(p.Body, "/etc/systemd/system/", root+"/etc/systemd/system/")
		cmd := exec.Command("bash", "-c", body)
		cmd.Env = []string{"PATH=" + bin + ":/usr/bin:/bin"}
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
	}
	require.Equal(t, 1, scripts)

	raw, err := os.ReadFile(calls)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"systemctl daemon-reload",
		"systemctl enable " + HardeningUnit,
		"systemctl --no-block start " + HardeningUnit,
	}, strings.Split(strings.TrimSpace(string(raw)), "\n"), "only queueing, no package manager or download")

	unit, err := os.ReadFile(filepath.Join(root, "etc/systemd/system", HardeningUnit))
	require.NoError(t, err)
	u := string(unit)
	assert.Contains(t, u, "until systemctl is-active --quiet kubelet", "the unit waits for the kubelet")
	waits := strings.Index(u, "ExecStartPre=")
	installs := strings.Index(u, "dnf install")
	assert.True(t, waits >= 0 && installs > waits, "packages are installed only after the wait")
	// No automatic updates: the EKS AMI locks its repository and version-locks the kernel and
	// containerd, so dnf-automatic would install nothing (AL2023 deterministic upgrades).
	assert.NotContains(t, u, "dnf-automatic")
	assert.NotContains(t, u, "automatic")
	// AIDE's baseline is recorded once: the unit is skipped on every later boot.
	assert.Contains(t, u, "ConditionPathExists=!"+AIDEDatabase+"\n")
	assert.Equal(t, 1, strings.Count(u, "aide --init"))
	init := strings.Index(u, "aide --init")
	assert.Less(t, waits, init, "the baseline is recorded after the kubelet runs")
	for _, f := range []string{"eksnodes-aide-check.service", "eksnodes-aide-check.timer"} {
		_, err := os.Stat(filepath.Join(root, "etc/systemd/system", f))
		assert.NoError(t, err, f)
	}
}

func TestHardeningScriptLints(t *testing.T) {
	out, err := exec.Command("bash", "-n", "-c", AL2023HardeningScript()).CombinedOutput()
	require.NoError(t, err, string(out))
	shellcheck, err := exec.LookPath("shellcheck")
	if err != nil {
		if os.Getenv("EKSNODES_REQUIRE_SHELLCHECK") != "" {
			t.Fatal("shellcheck is required but missing")
		}
		t.Skip("shellcheck is not installed")
	}
	cmd := exec.Command(shellcheck, "--shell=bash", "-")
	cmd.Stdin = strings.NewReader(AL2023HardeningScript())
	out, err = cmd.CombinedOutput()
	assert.NoError(t, err, string(out))
}
