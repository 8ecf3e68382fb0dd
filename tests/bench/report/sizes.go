package main

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
)

// sizeRow is the user data size of one operating system in one configuration.
type sizeRow struct {
	OS, Config string
	Bytes      int
}

// eksCA is a certificate authority of the size EKS returns (a 2048-bit RSA certificate:
// about 1.1 KB of PEM, 1.5 KB of base64).
func eksCA() string {
	pem := "-----BEGIN CERTIFICATE-----\n" + strings.Repeat(strings.Repeat("M", 64)+"\n", 17) + "-----END CERTIFICATE-----\n"
	return base64.StdEncoding.EncodeToString([]byte(pem))
}

// heavy inputs: what a busy platform team sets.
func heavyLabels() map[string]string {
	out := map[string]string{}
	for i := 0; i < 20; i++ {
		out[fmt.Sprintf("example.com/attribute-%02d", i)] = fmt.Sprintf("value-%02d", i)
	}
	return out
}

func heavyTaints() []userdata.Taint {
	var out []userdata.Taint
	for i := 0; i < 5; i++ {
		out = append(out, userdata.Taint{Key: fmt.Sprintf("example.com/dedicated-%d", i), Value: "team", Effect: "NoSchedule"})
	}
	return out
}

func heavyFlags() []string {
	return []string{"--max-pods=110", "--v=2", "--image-gc-high-threshold=80", "--image-gc-low-threshold=60",
		"--eviction-hard=memory.available<500Mi", "--kube-reserved=cpu=250m,memory=1Gi", "--system-reserved=cpu=250m,memory=512Mi",
		"--container-log-max-size=50Mi", "--container-log-max-files=5", "--serialize-image-pulls=false"}
}

func script(lines int, comment string) string {
	var b strings.Builder
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&b, "%s step %02d: configure the node for the platform team's agents\n", comment, i)
	}
	return b.String()
}

func userDataSizes() ([]sizeRow, error) {
	c := userdata.Cluster{Name: "production-eu-west-1", Endpoint: "https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com",
		CertificateAuthority: eksCA(), ServiceCIDR: "172.20.0.0/16"}
	kubeletConfig := map[string]any{"maxPods": 110, "kubeReserved": map[string]any{"cpu": "250m", "memory": "1Gi"},
		"evictionHard": map[string]any{"memory.available": "500Mi", "nodefs.available": "10%"}, "serializeImagePulls": false}
	// heavy adds the heavy labels, taints, kubelet flags and scripts to in.
	heavy := func(in userdata.Input) userdata.Input {
		in.Labels, in.Taints, in.KubeletFlags = heavyLabels(), heavyTaints(), heavyFlags()
		in.PreScripts, in.PostScripts = []string{script(40, "#")}, []string{script(20, "#")}
		return in
	}
	hardening := userdata.AL2023HardeningScript()
	heavyAL2023 := heavy(userdata.Input{Format: userdata.FormatNodeadm, Cluster: c, KubeletConfig: kubeletConfig})
	heavyAL2023.PostScripts = append(heavyAL2023.PostScripts, hardening)
	renders := []struct {
		os, config string
		in         userdata.Input
	}{
		{"AL2023", "default", userdata.Input{Format: userdata.FormatNodeadm, Cluster: c}},
		{"AL2023", "hardening baseline", userdata.Input{Format: userdata.FormatNodeadm, Cluster: c, PostScripts: []string{hardening}}},
		{"AL2023", "heavy", heavyAL2023},
		{"Bottlerocket", "default", userdata.Input{Format: userdata.FormatBottlerocket, Cluster: c}},
		{"Bottlerocket", "heavy", userdata.Input{Format: userdata.FormatBottlerocket, Cluster: c, Labels: heavyLabels(), Taints: heavyTaints(), Settings: map[string]any{
			"kubernetes":      map[string]any{"max-pods": 110, "kube-reserved": map[string]any{"cpu": "250m", "memory": "1Gi"}, "eviction-hard": map[string]any{"memory.available": "500Mi"}},
			"host-containers": map[string]any{"admin": map[string]any{"enabled": false}},
			"kernel":          map[string]any{"lockdown": "integrity", "sysctl": map[string]any{"net.core.somaxconn": "4096", "vm.max_map_count": "262144"}},
		}}},
		{"Windows", "default", userdata.Input{Format: userdata.FormatWindows, Cluster: c}},
		{"Windows", "heavy", heavy(userdata.Input{Format: userdata.FormatWindows, Cluster: c})},
		{"AL2", "default", userdata.Input{Format: userdata.FormatAL2, Cluster: c}},
		{"AL2", "heavy", heavy(userdata.Input{Format: userdata.FormatAL2, Cluster: c})},
	}
	var out []sizeRow
	for _, r := range renders {
		text, err := userdata.Render(r.in)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", r.os, r.config, err)
		}
		out = append(out, sizeRow{OS: r.os, Config: r.config, Bytes: len(text)})
	}
	return out, nil
}
