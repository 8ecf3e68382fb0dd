package userdata

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// untypedEquivalent returns in with its typed kubelet options (MaxPods, KubeReserved,
// KubeletFeatureGates) written the untyped way its format takes kubelet settings, spelled out
// here independently of the renderer: nodeadm's KubeletConfig keys, Bottlerocket's
// settings.kubernetes keys, Windows' and AL2's kubelet flags (before the user's). AL2's
// --use-max-pods false is not a kubelet setting: al2CheckArgv checks it. The format tests
// compare what they read back from a document with this input.
func untypedEquivalent(in Input) Input {
	out := in
	out.MaxPods, out.KubeReserved, out.KubeletFeatureGates = 0, nil, nil
	if in.MaxPods == 0 && len(in.KubeReserved) == 0 && len(in.KubeletFeatureGates) == 0 {
		return out
	}
	reserved := map[string]any{}
	for k, v := range in.KubeReserved {
		reserved[k] = v
	}
	switch in.Format {
	case FormatNodeadm:
		cfg := maps.Clone(in.KubeletConfig)
		if cfg == nil {
			cfg = map[string]any{}
		}
		if in.MaxPods > 0 {
			cfg["maxPods"] = in.MaxPods
		}
		if len(reserved) > 0 {
			cfg["kubeReserved"] = reserved
		}
		if len(in.KubeletFeatureGates) > 0 {
			gates := map[string]any{}
			if given, ok := cfg["featureGates"].(map[string]any); ok {
				maps.Copy(gates, given)
			}
			for k, v := range in.KubeletFeatureGates {
				gates[k] = v
			}
			cfg["featureGates"] = gates
		}
		out.KubeletConfig = cfg
	case FormatBottlerocket:
		settings := maps.Clone(in.Settings)
		if settings == nil {
			settings = map[string]any{}
		}
		kubernetes := map[string]any{}
		if given, ok := settings["kubernetes"].(map[string]any); ok {
			maps.Copy(kubernetes, given)
		}
		if in.MaxPods > 0 {
			kubernetes["max-pods"] = in.MaxPods
		}
		if len(reserved) > 0 {
			kubernetes["kube-reserved"] = reserved
		}
		settings["kubernetes"] = kubernetes
		out.Settings = settings
	default:
		var flags []string
		if in.MaxPods > 0 {
			flags = append(flags, "--max-pods="+strconv.Itoa(in.MaxPods))
		}
		if len(in.KubeReserved) > 0 {
			var pairs []string
			for _, k := range slices.Sorted(maps.Keys(in.KubeReserved)) {
				pairs = append(pairs, k+"="+in.KubeReserved[k])
			}
			flags = append(flags, "--kube-reserved="+strings.Join(pairs, ","))
		}
		out.KubeletFlags = append(flags, in.KubeletFlags...)
	}
	return out
}

// TestTypedKubeletOptionsRenderAsTheirUntypedForm: in every format, the typed options render
// exactly as the same settings given the untyped way, except AL2's --use-max-pods false.
func TestTypedKubeletOptionsRenderAsTheirUntypedForm(t *testing.T) {
	for _, f := range allFormats {
		t.Run(string(f), func(t *testing.T) {
			in := scenarioNamed(t, f, "typed-options")
			typed, err := Render(in)
			require.NoError(t, err)
			untyped, err := Render(untypedEquivalent(in))
			require.NoError(t, err)
			if f == FormatAL2 {
				untyped = strings.Replace(untyped, "  --dns-cluster-ip '172.20.0.10' \\\n",
					"  --dns-cluster-ip '172.20.0.10' \\\n  --use-max-pods 'false' \\\n", 1)
			}
			assert.Equal(t, untyped, typed)
		})
	}

	t.Run("AL2 without max pods keeps bootstrap.sh's own computation", func(t *testing.T) {
		in := scenarioNamed(t, FormatAL2, "typed-options")
		in.MaxPods = 0
		doc, err := Render(in)
		require.NoError(t, err)
		assert.NotContains(t, doc, "--use-max-pods")
		assert.Contains(t, doc, "--kube-reserved=cpu=250m,ephemeral-storage=1Gi,memory=1843Mi --v=2")
	})
}

// TestRenderRefusesATypedOptionGivenTwice: a typed option and the same setting given the
// untyped way are refused, never silently merged one over the other.
func TestRenderRefusesATypedOptionGivenTwice(t *testing.T) {
	base := func(f Format) Input { return Input{Format: f, Cluster: testCluster} }
	for _, tt := range []struct {
		name string
		in   func() Input
		want string
	}{
		{"nodeadm maxPods", func() Input {
			in := base(FormatNodeadm)
			in.MaxPods, in.KubeletConfig = 110, map[string]any{"maxPods": 58}
			return in
		}, "the AL2023 (nodeadm) user data cannot take MaxPods: KubeletConfig sets maxPods too"},
		{"nodeadm kubeReserved", func() Input {
			in := base(FormatNodeadm)
			in.KubeReserved, in.KubeletConfig = map[string]string{"cpu": "1"}, map[string]any{"kubeReserved": map[string]any{"memory": "1Gi"}}
			return in
		}, "KubeReserved: KubeletConfig sets kubeReserved too"},
		{"nodeadm feature gate", func() Input {
			in := base(FormatNodeadm)
			in.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
			in.KubeletConfig = map[string]any{"featureGates": map[string]bool{"MemoryQoS": false}}
			return in
		}, "KubeletFeatureGates: KubeletConfig featureGates sets MemoryQoS too"},
		{"nodeadm feature gates not a map", func() Input {
			in := base(FormatNodeadm)
			in.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
			in.KubeletConfig = map[string]any{"featureGates": "MemoryQoS=true"}
			return in
		}, "KubeletConfig featureGates is a string, not a map"},
		{"Bottlerocket max-pods", func() Input {
			in := base(FormatBottlerocket)
			in.MaxPods, in.Settings = 110, map[string]any{"kubernetes": map[string]any{"max-pods": 58}}
			return in
		}, "the Bottlerocket user data cannot take MaxPods: Settings sets kubernetes.max-pods too"},
		{"Bottlerocket kube-reserved", func() Input {
			in := base(FormatBottlerocket)
			in.KubeReserved, in.Settings = map[string]string{"cpu": "1"}, map[string]any{"kubernetes": map[string]any{"kube-reserved": map[string]any{"cpu": "2"}}}
			return in
		}, "KubeReserved: Settings sets kubernetes.kube-reserved too"},
		{"Windows --max-pods", func() Input {
			in := base(FormatWindows)
			in.MaxPods, in.KubeletFlags = 110, []string{"--max-pods=58"}
			return in
		}, "the Windows user data cannot take MaxPods: KubeletFlags sets --max-pods too"},
		{"AL2 --kube_reserved, as the kubelet reads it", func() Input {
			in := base(FormatAL2)
			in.KubeReserved, in.KubeletFlags = map[string]string{"cpu": "1"}, []string{"--kube_reserved=cpu=2"}
			return in
		}, "the AL2 user data cannot take KubeReserved: KubeletFlags sets --kube-reserved too"},
		{"negative max pods", func() Input {
			in := base(FormatNodeadm)
			in.MaxPods = -1
			return in
		}, "MaxPods: it must be positive"},
		{"containerd config that is not TOML", func() Input {
			in := base(FormatNodeadm)
			in.Containerd = &ContainerdOptions{Config: "[plugins\nbroken"}
			return in
		}, "the containerd config is not valid TOML"},
		{"unknown local storage strategy", func() Input {
			in := base(FormatNodeadm)
			in.LocalStorage = &LocalStorageOptions{Strategy: "RAID5"}
			return in
		}, `local storage strategy "RAID5" is not one of RAID0, RAID10, Mount`},
		{"unknown disabled mount", func() Input {
			in := base(FormatNodeadm)
			in.LocalStorage = &LocalStorageOptions{Strategy: "Mount", DisabledMounts: []string{"Kubelet"}}
			return in
		}, `disabled mount "Kubelet" is not one of Containerd, PodLogs, SOCI`},
		{"NodeConfig options on Windows", func() Input {
			in := base(FormatWindows)
			in.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
			in.Containerd = &ContainerdOptions{Config: "version = 2\n"}
			in.LocalStorage = &LocalStorageOptions{Strategy: "RAID0"}
			return in
		}, "KubeletFeatureGates: only nodeadm's NodeConfig carries a KubeletConfiguration; Containerd: only nodeadm's NodeConfig carries containerd options; LocalStorage: only nodeadm's NodeConfig carries local storage options"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out string
			var err error
			require.NotPanics(t, func() { out, err = Render(tt.in()) })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Empty(t, out)
		})
	}
}

// TestNodeadmCarriesTheNodeConfigOptions reads the typed-options NodeConfig back and finds each
// option where nodeadm reads it.
func TestNodeadmCarriesTheNodeConfigOptions(t *testing.T) {
	in := scenarioNamed(t, FormatNodeadm, "typed-options")
	doc, err := Render(in)
	require.NoError(t, err)
	var nc NodeConfig
	for _, p := range parseMultipart(t, doc) {
		if p.mediaType == NodeConfigContentType {
			nc = decodeNodeConfig(t, p.body)
		}
	}
	require.NotNil(t, nc.Spec.Kubelet)
	cfg := nc.Spec.Kubelet.Config
	assert.EqualValues(t, 110, cfg["maxPods"])
	assert.Equal(t, map[string]any{"cpu": "250m", "memory": "1843Mi", "ephemeral-storage": "1Gi"}, cfg["kubeReserved"])
	assert.Equal(t, map[string]any{"DisableKubeletCloudCredentialProviders": true, "InPlacePodVerticalScaling": true, "MemoryQoS": false}, cfg["featureGates"])
	assert.Equal(t, "45s", cfg["shutdownGracePeriod"], "the user's kubelet config stays")
	require.NotNil(t, nc.Spec.Containerd)
	assert.Equal(t, in.Containerd.Config, nc.Spec.Containerd.Config)
	require.NoError(t, CheckContainerdConfig(nc.Spec.Containerd.Config))
	assert.Equal(t, map[string]any{"process": map[string]any{"rlimits": []any{
		map[string]any{"type": "RLIMIT_NOFILE", "soft": float64(65536), "hard": float64(65536)},
	}}}, nc.Spec.Containerd.BaseRuntimeSpec)
	require.NotNil(t, nc.Spec.Instance)
	assert.Equal(t, &LocalStorageOptions{Strategy: "RAID0", MountPath: "/mnt/instance-store", DisabledMounts: []string{"PodLogs"}}, nc.Spec.Instance.LocalStorage)
}

// decodeNodeConfig reads a NodeConfig part strictly: every field must be one eksnodes renders.
func decodeNodeConfig(t *testing.T, body []byte) NodeConfig {
	t.Helper()
	var nc NodeConfig
	require.NoError(t, yaml.UnmarshalStrict(body, &nc))
	return nc
}
