package userdata

import (
	"encoding/base64"
	"strings"
	"testing"
)

// testCA is base64("-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"), the form
// in which EKS returns a cluster's certificate authority.
const testCA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tClpXdHpibTlrWlhNZ2RHVnpkQ0JEUVE9PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="

// testClusterDNSIP is testCluster's DNS address, spelled out so that the tests do not trust
// ClusterDNSIP.
const testClusterDNSIP = "172.20.0.10"

var testCluster = Cluster{
	Name:                 "prod-east",
	Endpoint:             "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
	CertificateAuthority: testCA,
	ServiceCIDR:          "172.20.0.0/16",
}

// realisticCA returns a deterministic base64-encoded PEM bundle about as long as a real EKS
// cluster CA (~1.5 KiB encoded), so that size checks are meaningful.
func realisticCA() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var pem strings.Builder
	pem.WriteString("-----BEGIN CERTIFICATE-----\n")
	for line := 0; line < 17; line++ {
		for i := 0; i < 64; i++ {
			pem.WriteByte(alphabet[(line*7+i*13)%len(alphabet)])
		}
		pem.WriteByte('\n')
	}
	pem.WriteString("-----END CERTIFICATE-----\n")
	return base64.StdEncoding.EncodeToString([]byte(pem.String()))
}

// allFormats are the formats Render knows, in the order the tests report them.
var allFormats = []Format{FormatNodeadm, FormatBottlerocket, FormatWindows, FormatAL2}

// scenario is one named input of the shared table.
type scenario struct {
	name string
	in   Input
}

// scenarios is the one table of named inputs that the renderer tests share: the golden files
// (testdata/<format>/<name>.golden), each format's own reading of its output (the NodeConfig
// against nodeadm's JSON schema, the AL2 script with bash, shellcheck and a stub bootstrap.sh,
// the Bottlerocket TOML with a strict decoder, the Windows block with a PowerShell parser), the
// cloud-init walk of the formats cloud-init reads, the size and purity checks, the fuzz seeds
// and the benchmarks.
//
// Every format has the same scenarios, with the same facts where the format carries them:
//   - minimal: the cluster alone;
//   - labels-taints: labels, and taints deliberately out of order (one key with two effects);
//   - kubelet: the same kubelet options in each format's own form;
//   - scripts: a pre and a post script (not Bottlerocket, which runs none);
//   - full: a certificate authority of realistic size, and everything the format takes.
//   - typed-options: the typed kubelet options (max pods, kube-reserved) beside untyped ones of
//     the same kind, and on nodeadm the NodeConfig options (containerd, feature gates, local
//     storage).
//
// Every call builds new values, so a test may modify what it gets.
func scenarios() []scenario {
	fullCluster := testCluster
	fullCluster.CertificateAuthority = realisticCA()
	const (
		ssmRestart = "#!/bin/bash\nset -euo pipefail\nsystemctl restart amazon-ssm-agent\n"
		ssmEnable  = "#!/bin/bash\nset -euo pipefail\nsystemctl enable --now amazon-ssm-agent\n"
	)
	var out []scenario
	add := func(name string, in Input) { out = append(out, scenario{name, in}) }

	for _, f := range allFormats {
		add("minimal", Input{Format: f, Cluster: testCluster})
	}

	for _, f := range allFormats {
		in := Input{
			Format:  f,
			Cluster: testCluster,
			Labels: map[string]string{
				"tier":                         "backend",
				"team":                         "payments",
				"node.kubernetes.io/lifecycle": "normal",
			},
			// Deliberately out of order: flags are sorted by key, then effect; Bottlerocket
			// turns the key with two effects into a sorted list.
			Taints: []Taint{
				{Key: "dedicated", Value: "payments", Effect: "NoSchedule"},
				{Key: "node.eksnodes.io/draining", Effect: "PreferNoSchedule"},
				{Key: "dedicated", Value: "payments", Effect: "NoExecute"},
			},
		}
		if f == FormatBottlerocket {
			in.Labels["eksnodes.io/canary"] = "" // an empty TOML string
		}
		add("labels-taints", in)
	}

	// Only nodeadm takes a KubeletConfiguration fragment: Windows and AL2 take reservations as
	// flags, Bottlerocket as settings.
	add("kubelet", Input{
		Format:       FormatNodeadm,
		Cluster:      testCluster,
		KubeletFlags: []string{"--v=2", "--container-log-max-size=50Mi"},
		KubeletConfig: map[string]any{
			"maxPods":      110,
			"kubeReserved": map[string]any{"cpu": "100m", "memory": "1Gi", "ephemeral-storage": "1Gi"},
		},
	})
	add("kubelet", Input{
		Format:  FormatBottlerocket,
		Cluster: testCluster,
		Settings: map[string]any{"kubernetes": map[string]any{
			"max-pods":      58,
			"kube-reserved": map[string]any{"cpu": "100m", "memory": "512Mi"},
		}},
	})
	add("kubelet", Input{
		Format:       FormatWindows,
		Cluster:      testCluster,
		KubeletFlags: []string{"--v=2", "--container-log-max-size=50Mi", "--kube-reserved=cpu=100m,memory=1Gi,ephemeral-storage=1Gi"},
	})
	add("kubelet", Input{
		Format:  FormatAL2,
		Cluster: testCluster,
		KubeletFlags: []string{"--v=2", "--container-log-max-size=50Mi", "--max-pods=110",
			"--kube-reserved=cpu=100m,memory=1Gi,ephemeral-storage=1Gi"},
	})

	add("scripts", Input{
		Format:      FormatNodeadm,
		Cluster:     testCluster,
		PreScripts:  []string{"echo 'before nodeadm' >> /var/log/eksnodes.log\n"},
		PostScripts: []string{ssmRestart},
	})
	add("scripts", Input{
		Format:     FormatWindows,
		Cluster:    testCluster,
		PreScripts: []string{"Add-Content -Path 'C:\\eksnodes.log' -Value \"before bootstrap: $(Get-Date -Format o)\"\n"},
		// No final newline: one is added.
		PostScripts: []string{"Restart-Service -Name AmazonSSMAgent"},
	})
	add("scripts", Input{
		Format:      FormatAL2,
		Cluster:     testCluster,
		PreScripts:  []string{"echo 'before bootstrap' >> /var/log/eksnodes.log\n"},
		PostScripts: []string{ssmRestart},
	})

	gpuLabels := func() map[string]string {
		return map[string]string{
			"eksnodes.io/nodegroup":            "gpu-a",
			"node.kubernetes.io/lifecycle":     "spot",
			"team":                             "ml",
			"nvidia.com/gpu.present":           "true",
			"topology.eksnodes.io/rack-canary": "",
		}
	}
	gpuTaints := func() []Taint {
		return []Taint{
			{Key: "nvidia.com/gpu", Value: "present", Effect: "NoSchedule"},
			{Key: "dedicated", Value: "ml", Effect: "NoSchedule"},
			{Key: "node.eksnodes.io/warming", Effect: "NoExecute"},
		}
	}
	add("full", Input{
		Format:       FormatNodeadm,
		Cluster:      fullCluster,
		Labels:       gpuLabels(),
		Taints:       gpuTaints(),
		KubeletFlags: []string{"--v=2"},
		KubeletConfig: map[string]any{
			"maxPods":             58,
			"shutdownGracePeriod": "45s",
			"kubeReserved":        map[string]any{"cpu": "250m", "memory": "2Gi"},
			"evictionHard": map[string]any{
				"memory.available":  "500Mi",
				"nodefs.available":  "10%",
				"imagefs.available": "15%",
			},
		},
		PreScripts: []string{
			"set -eu\nmkdir -p /etc/eksnodes\necho gpu-a > /etc/eksnodes/nodegroup",
			"#!/bin/sh\nsysctl -w vm.max_map_count=262144\n",
		},
		PostScripts: []string{ssmEnable},
	})
	add("full", Input{
		Format:  FormatBottlerocket,
		Cluster: fullCluster,
		Labels:  gpuLabels(),
		Taints:  gpuTaints(),
		Settings: map[string]any{
			"motd": "eksnodes gpu-a",
			"host-containers": map[string]any{
				"admin":   map[string]any{"enabled": false},
				"control": map[string]any{"enabled": true},
			},
			"kernel": map[string]any{
				"lockdown": "integrity",
				"sysctl":   map[string]any{"net.core.somaxconn": "1024", "vm.max_map_count": "262144"},
			},
			"kubernetes": map[string]any{
				// Overrides a base key.
				"cluster-dns-ip": "10.100.0.10",
				"max-pods":       58,
				// Merges into the base labels.
				"node-labels":            map[string]any{"eksnodes.io/settings-label": "yes"},
				"eviction-hard":          map[string]string{"memory.available": "15%", "nodefs.available": "10%"},
				"allowed-unsafe-sysctls": []string{"net.core.somaxconn"},
				"kube-reserved":          map[string]any{"cpu": "250m", "memory": "2Gi", "ephemeral-storage": "1Gi"},
			},
		},
	})
	add("full", Input{
		Format:  FormatWindows,
		Cluster: fullCluster,
		Labels: map[string]string{
			"eksnodes.io/nodegroup":            "win-a",
			"node.kubernetes.io/lifecycle":     "spot",
			"team":                             "web",
			"topology.eksnodes.io/rack-canary": "",
		},
		Taints: []Taint{
			{Key: "os", Value: "windows", Effect: "NoSchedule"},
			{Key: "dedicated", Value: "web", Effect: "NoSchedule"},
			{Key: "node.eksnodes.io/warming", Effect: "NoExecute"},
		},
		KubeletFlags: []string{"--v=2", "--max-pods=58"},
		PreScripts: []string{"$ErrorActionPreference = 'Stop'\n" +
			"New-Item -ItemType Directory -Force -Path 'C:\\eksnodes' | Out-Null\n" +
			"Set-Content -Path 'C:\\eksnodes\\nodegroup' -Value 'win-a'\n"},
		PostScripts: []string{"Set-Service -Name AmazonSSMAgent -StartupType Automatic\n" +
			"Start-Service -Name AmazonSSMAgent\n"},
	})
	add("full", Input{
		Format:       FormatAL2,
		Cluster:      fullCluster,
		Labels:       gpuLabels(),
		Taints:       gpuTaints(),
		KubeletFlags: []string{"--v=2", "--max-pods=58", "--shutdown-grace-period=45s"},
		// No final newline (added), and a shebang for another shell (kept: sh runs it).
		PreScripts:  []string{"#!/bin/sh\nset -eu\nmkdir -p /etc/eksnodes\necho gpu-a > /etc/eksnodes/nodegroup\nsysctl -w vm.max_map_count=262144"},
		PostScripts: []string{ssmEnable},
	})

	// The typed kubelet options (MaxPods, KubeReserved) in each format's own form, next to the
	// same kind of options given the untyped way; on nodeadm also the NodeConfig options.
	reserved := func() map[string]string {
		return map[string]string{"cpu": "250m", "memory": "1843Mi", "ephemeral-storage": "1Gi"}
	}
	add("typed-options", Input{
		Format:       FormatNodeadm,
		Cluster:      testCluster,
		KubeletFlags: []string{"--v=2"},
		KubeletConfig: map[string]any{
			"shutdownGracePeriod": "45s",
			"featureGates":        map[string]any{"DisableKubeletCloudCredentialProviders": true},
		},
		MaxPods:             110,
		KubeReserved:        reserved(),
		KubeletFeatureGates: map[string]bool{"InPlacePodVerticalScaling": true, "MemoryQoS": false},
		Containerd: &ContainerdOptions{
			Config: "[plugins.\"io.containerd.grpc.v1.cri\".containerd]\ndiscard_unpacked_layers = false\n",
			BaseRuntimeSpec: map[string]any{"process": map[string]any{"rlimits": []any{
				map[string]any{"type": "RLIMIT_NOFILE", "soft": 65536, "hard": 65536},
			}}},
		},
		LocalStorage: &LocalStorageOptions{Strategy: "RAID0", MountPath: "/mnt/instance-store", DisabledMounts: []string{"PodLogs"}},
	})
	add("typed-options", Input{
		Format:       FormatBottlerocket,
		Cluster:      testCluster,
		Settings:     map[string]any{"kubernetes": map[string]any{"shutdown-grace-period": "45s"}},
		MaxPods:      110,
		KubeReserved: reserved(),
	})
	add("typed-options", Input{
		Format:       FormatWindows,
		Cluster:      testCluster,
		KubeletFlags: []string{"--v=2"},
		MaxPods:      110,
		KubeReserved: reserved(),
	})
	add("typed-options", Input{
		Format:       FormatAL2,
		Cluster:      testCluster,
		KubeletFlags: []string{"--v=2"},
		MaxPods:      110,
		KubeReserved: reserved(),
	})
	return out
}

// scenariosOf returns the scenarios of format f, in table order.
func scenariosOf(f Format) []scenario {
	var out []scenario
	for _, sc := range scenarios() {
		if sc.in.Format == f {
			out = append(out, sc)
		}
	}
	return out
}

// scenarioNamed returns the input of format f's scenario name, failing tb when there is none.
func scenarioNamed(tb testing.TB, f Format, name string) Input {
	tb.Helper()
	for _, sc := range scenariosOf(f) {
		if sc.name == name {
			return sc.in
		}
	}
	tb.Fatalf("no %s scenario %q", f, name)
	return Input{}
}
