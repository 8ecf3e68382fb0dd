package nodegroup

import (
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// badNodeadmOptions are invalid values of maxPods, kubeReserved and the AL2023 NodeConfig
// options: each is refused with a message naming the property.
var badNodeadmOptions = []struct {
	name   string
	mutate func(a *NodeGroupArgs)
	want   string
}{
	{"zero max pods", func(a *NodeGroupArgs) { a.MaxPods = Ref(0) }, "maxPods (0) must be at least 1"},
	{"negative max pods", func(a *NodeGroupArgs) { a.MaxPods = Ref(-5) }, "maxPods (-5) must be at least 1"},
	{"max pods beyond int32", func(a *NodeGroupArgs) { a.MaxPods = Ref(1 << 31) }, "maxPods (2147483648) must be at most 2147483647"},
	{"max pods twice: kubeletConfig", func(a *NodeGroupArgs) {
		a.MaxPods, a.KubeletConfig = Ref(110), map[string]any{"maxPods": 58}
	}, "maxPods conflicts with kubeletConfig.maxPods: give the setting once"},
	{"max pods twice: kubelet flag, spelled with underscores", func(a *NodeGroupArgs) {
		a.MaxPods, a.KubeletExtraArgs = Ref(110), "--v=2 --max_pods=58"
	}, "maxPods conflicts with --max-pods in kubeletExtraArgs: give the setting once"},
	{"max pods twice: Bottlerocket settings", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.MaxPods = Ref(Bottlerocket), Ref(110)
		a.BottlerocketSettings = map[string]any{"kubernetes": map[string]any{"max-pods": 58}}
	}, "maxPods conflicts with bottlerocketSettings.kubernetes.max-pods: give the setting once"},
	{"max pods twice: Bottlerocket dotted key", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.MaxPods = Ref(Bottlerocket), Ref(110)
		a.BottlerocketSettings = map[string]any{"kubernetes.max-pods": 58}
	}, "maxPods conflicts with bottlerocketSettings.kubernetes.max-pods"},
	{"kube-reserved resource unknown", func(a *NodeGroupArgs) { a.KubeReserved = map[string]string{"gpu": "1"} },
		`kubeReserved["gpu"]: the resource must be one of: cpu, ephemeral-storage, memory`},
	{"kube-reserved pid is not taken everywhere", func(a *NodeGroupArgs) { a.KubeReserved = map[string]string{"pid": "1000"} },
		`kubeReserved["pid"]: the resource must be one of`},
	{"kube-reserved negative", func(a *NodeGroupArgs) { a.KubeReserved = map[string]string{"cpu": "-100m"} },
		`kubeReserved["cpu"] ("-100m") must be a non-negative Kubernetes quantity such as 100m, 1Gi or 512Mi`},
	{"kube-reserved not a quantity", func(a *NodeGroupArgs) { a.KubeReserved = map[string]string{"memory": "1 GiB"} },
		`kubeReserved["memory"] ("1 GiB") must be a non-negative Kubernetes quantity`},
	{"kube-reserved list in one value", func(a *NodeGroupArgs) { a.KubeReserved = map[string]string{"memory": "1Gi,cpu=1"} },
		`kubeReserved["memory"] ("1Gi,cpu=1") must be a non-negative Kubernetes quantity`},
	{"kube-reserved twice: kubeletConfig", func(a *NodeGroupArgs) {
		a.KubeReserved = map[string]string{"cpu": "100m"}
		a.KubeletConfig = map[string]any{"kubeReserved": map[string]any{"memory": "1Gi"}}
	}, "kubeReserved conflicts with kubeletConfig.kubeReserved: give the setting once"},
	{"kube-reserved twice: Windows flag", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.KubeReserved, a.KubeletExtraArgs = Ref(Windows2022Core), map[string]string{"cpu": "100m"}, "--kube-reserved=memory=1Gi"
	}, "kubeReserved conflicts with --kube-reserved in kubeletExtraArgs: give the setting once"},
	{"kube-reserved twice: Bottlerocket settings", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.KubeReserved = Ref(Bottlerocket), map[string]string{"cpu": "100m"}
		a.BottlerocketSettings = map[string]any{"kubernetes": map[string]any{"kube-reserved": map[string]any{"memory": "1Gi"}}}
	}, "kubeReserved conflicts with bottlerocketSettings.kubernetes.kube-reserved: give the setting once"},
	{"feature gate name", func(a *NodeGroupArgs) { a.KubeletFeatureGates = map[string]bool{"memory-qos": true} },
		`kubeletFeatureGates["memory-qos"]: a feature gate name is a CamelCase word such as InPlacePodVerticalScaling`},
	{"feature gate twice: kubeletConfig", func(a *NodeGroupArgs) {
		a.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
		a.KubeletConfig = map[string]any{"featureGates": map[string]any{"MemoryQoS": false}}
	}, `kubeletFeatureGates["MemoryQoS"] conflicts with kubeletConfig.featureGates.MemoryQoS: give each gate once`},
	{"feature gate twice: kubelet flag", func(a *NodeGroupArgs) {
		a.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
		a.KubeletExtraArgs = "--feature-gates=AllAlpha=false,MemoryQoS=true"
	}, `kubeletFeatureGates["MemoryQoS"] conflicts with --feature-gates in kubeletExtraArgs: give each gate once`},
	{"kubeletConfig feature gates not a map", func(a *NodeGroupArgs) {
		a.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
		a.KubeletConfig = map[string]any{"featureGates": "MemoryQoS=true"}
	}, "kubeletConfig.featureGates must be a map of gate names to booleans to be merged with kubeletFeatureGates"},
	{"containerd config not TOML", func(a *NodeGroupArgs) {
		a.ContainerdConfig = "[plugins.\"io.containerd.grpc.v1.cri\".containerd\ndiscard_unpacked_layers = false\n"
	}, "containerdConfig: the containerd config is not valid TOML"},
	{"containerd config with a key twice", func(a *NodeGroupArgs) { a.ContainerdConfig = "version = 2\nversion = 3\n" },
		"containerdConfig: the containerd config is not valid TOML"},
	{"containerd config blank", func(a *NodeGroupArgs) { a.ContainerdConfig = " \n\t" },
		"containerdConfig is blank (white space only)"},
	{"containerd config NUL", func(a *NodeGroupArgs) { a.ContainerdConfig = "version = 2\x00" },
		"containerdConfig must be UTF-8 text without NUL bytes"},
	{"base runtime spec not JSON", func(a *NodeGroupArgs) { a.ContainerdBaseRuntimeSpec = map[string]any{"process": make(chan int)} },
		"containerdBaseRuntimeSpec cannot be rendered as JSON"},
	{"local storage without strategy", func(a *NodeGroupArgs) { a.LocalStorage = &LocalStorage{} },
		`localStorage.strategy ("") must be one of: RAID0, RAID10, Mount`},
	{"local storage strategy unknown", func(a *NodeGroupArgs) { a.LocalStorage = &LocalStorage{Strategy: "RAID5"} },
		`localStorage.strategy ("RAID5") must be one of: RAID0, RAID10, Mount`},
	{"local storage strategy in another case", func(a *NodeGroupArgs) { a.LocalStorage = &LocalStorage{Strategy: "raid0"} },
		`localStorage.strategy ("raid0") must be one of`},
	{"local storage relative mount path", func(a *NodeGroupArgs) {
		a.LocalStorage = &LocalStorage{Strategy: LocalStorageRAID0, MountPath: "mnt/disks"}
	}, `localStorage.mountPath ("mnt/disks") must be an absolute path without white space`},
	{"local storage mount path with a space", func(a *NodeGroupArgs) {
		a.LocalStorage = &LocalStorage{Strategy: LocalStorageRAID0, MountPath: "/mnt/my disks"}
	}, `localStorage.mountPath ("/mnt/my disks") must be an absolute path without white space`},
	{"local storage on the root directory", func(a *NodeGroupArgs) {
		a.LocalStorage = &LocalStorage{Strategy: LocalStorageMount, MountPath: "//"}
	}, `localStorage.mountPath ("//") cannot be the root directory`},
	{"local storage mount path climbing out", func(a *NodeGroupArgs) {
		a.LocalStorage = &LocalStorage{Strategy: LocalStorageMount, MountPath: "/mnt/../etc"}
	}, `localStorage.mountPath ("/mnt/../etc") must not hold .. segments`},
	{"local storage disabled mount unknown", func(a *NodeGroupArgs) {
		a.LocalStorage = &LocalStorage{Strategy: LocalStorageRAID0, DisabledMounts: []DisabledMount{"Kubelet"}}
	}, `localStorage.disabledMounts[0] ("Kubelet") must be one of: Containerd, PodLogs, SOCI`},
	{"local storage disabled mount twice", func(a *NodeGroupArgs) {
		a.LocalStorage = &LocalStorage{Strategy: LocalStorageRAID0, DisabledMounts: []DisabledMount{DisabledMountSOCI, DisabledMountSOCI}}
	}, "localStorage.disabledMounts[1] (SOCI) is listed more than once"},
	{"override and max pods", func(a *NodeGroupArgs) { a.UserDataOverride, a.MaxPods = "#!/bin/bash\n", Ref(110) },
		"userDataOverride conflicts with maxPods: the override replaces the rendered user data that would carry it"},
	{"override and local storage", func(a *NodeGroupArgs) {
		a.UserDataOverride, a.LocalStorage = "#!/bin/bash\n", &LocalStorage{Strategy: LocalStorageRAID0}
	}, "userDataOverride conflicts with localStorage"},
	{"feature gates on Windows", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.KubeletFeatureGates = Ref(Windows2022Core), map[string]bool{"MemoryQoS": true}
	}, "kubeletFeatureGates does not apply to operatingSystem Windows2022Core: it is a NodeConfig option of AL2023 (nodeadm); give --feature-gates in kubeletExtraArgs"},
	{"containerd config on Bottlerocket", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.ContainerdConfig = Ref(Bottlerocket), "version = 2\n"
	}, `containerdConfig does not apply to operatingSystem Bottlerocket: it is a NodeConfig option of AL2023 (nodeadm); configure containerd with bottlerocketSettings["container-runtime"]`},
	{"base runtime spec on Bottlerocket", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.ContainerdBaseRuntimeSpec = Ref(Bottlerocket), map[string]any{"process": map[string]any{}}
	}, `containerdBaseRuntimeSpec does not apply to operatingSystem Bottlerocket: it is a NodeConfig option of AL2023 (nodeadm); set the containers' defaults with bottlerocketSettings["oci-defaults"]`},
	{"local storage on AL2", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.Cluster.Version, a.LocalStorage = Ref(AL2), pulumi.String("1.32"), &LocalStorage{Strategy: LocalStorageRAID0}
	}, "localStorage does not apply to operatingSystem AL2: it is a NodeConfig option of AL2023 (nodeadm); run setup-local-disks from preBootstrapUserData"},
}

// The cases join the validation catalogue, which runs each one (TestValidationCatalogue).
func init() { badNodeGroupInputs = append(badNodeGroupInputs, badNodeadmOptions...) }

// TestNodeadmOptionsValidValues: values at the edges of what is accepted are accepted.
func TestNodeadmOptionsValidValues(t *testing.T) {
	for name, mutate := range map[string]func(a *NodeGroupArgs){
		"one pod":  func(a *NodeGroupArgs) { a.MaxPods = Ref(1) },
		"737 pods": func(a *NodeGroupArgs) { a.MaxPods = Ref(737) },
		"quantity forms": func(a *NodeGroupArgs) {
			a.KubeReserved = map[string]string{"cpu": "0.5", "memory": "1.5e9", "ephemeral-storage": "0"}
		},
		"gate off in kubelet flag, other gate typed": func(a *NodeGroupArgs) {
			a.KubeletExtraArgs, a.KubeletFeatureGates = "--feature-gates=AllAlpha=false", map[string]bool{"MemoryQoS": true}
		},
		"gates merged with kubeletConfig's": func(a *NodeGroupArgs) {
			a.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
			a.KubeletConfig = map[string]any{"featureGates": map[string]bool{"AllAlpha": false}}
		},
		"local storage with trailing slash": func(a *NodeGroupArgs) {
			a.LocalStorage = &LocalStorage{Strategy: LocalStorageRAID10, MountPath: "/mnt/k8s-disks/", DisabledMounts: []DisabledMount{DisabledMountContainerd, DisabledMountPodLogs, DisabledMountSOCI}}
		},
	} {
		t.Run(name, func(t *testing.T) {
			args := demoArgs()
			mutate(args)
			_, _, err := runNodeGroup(t, args)
			require.NoError(t, err)
		})
	}
}

// nodeConfigOf runs a NodeGroup and strictly decodes the NodeConfig of its launch template.
func nodeConfigOf(t *testing.T, args *NodeGroupArgs) userdata.NodeConfig {
	t.Helper()
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	parts, err := userdata.ParseMIME(decodeUserData(t, m.Require(t, tLT, "ng")))
	require.NoError(t, err)
	for _, p := range parts {
		if p.ContentType == userdata.NodeConfigContentType {
			var nc userdata.NodeConfig
			require.NoError(t, yaml.UnmarshalStrict([]byte(p.Body), &nc))
			return nc
		}
	}
	t.Fatalf("no NodeConfig part")
	return userdata.NodeConfig{}
}

func TestNodeGroupAL2023CarriesNodeConfigOptions(t *testing.T) {
	args := demoArgs()
	args.MaxPods = Ref(110)
	args.KubeReserved = map[string]string{"cpu": "250m", "memory": "1843Mi"}
	args.KubeletFeatureGates = map[string]bool{"MemoryQoS": true}
	args.KubeletConfig = map[string]any{"featureGates": map[string]any{"AllAlpha": false}, "shutdownGracePeriod": "45s"}
	args.KubeletExtraArgs = "--v=2"
	args.ContainerdConfig = "[plugins.\"io.containerd.grpc.v1.cri\".containerd]\ndiscard_unpacked_layers = false\n"
	args.ContainerdBaseRuntimeSpec = map[string]any{"process": map[string]any{"noNewPrivileges": true}}
	args.LocalStorage = &LocalStorage{Strategy: LocalStorageRAID0, DisabledMounts: []DisabledMount{DisabledMountPodLogs}}

	nc := nodeConfigOf(t, args)
	require.NotNil(t, nc.Spec.Kubelet)
	assert.Equal(t, map[string]any{
		"maxPods":             float64(110),
		"kubeReserved":        map[string]any{"cpu": "250m", "memory": "1843Mi"},
		"featureGates":        map[string]any{"AllAlpha": false, "MemoryQoS": true},
		"shutdownGracePeriod": "45s",
	}, nc.Spec.Kubelet.Config)
	assert.Equal(t, []string{"--v=2"}, nc.Spec.Kubelet.Flags)
	require.NotNil(t, nc.Spec.Containerd)
	assert.Equal(t, args.ContainerdConfig, nc.Spec.Containerd.Config)
	assert.Equal(t, map[string]any{"process": map[string]any{"noNewPrivileges": true}}, nc.Spec.Containerd.BaseRuntimeSpec)
	require.NotNil(t, nc.Spec.Instance)
	assert.Equal(t, &userdata.LocalStorageOptions{Strategy: "RAID0", DisabledMounts: []string{"PodLogs"}}, nc.Spec.Instance.LocalStorage)
	assert.Equal(t, map[string]any{"AllAlpha": false}, args.KubeletConfig["featureGates"], "the user's kubeletConfig is not modified")
}

func TestNodeGroupWithoutOptionsRendersNoNodeConfigOptions(t *testing.T) {
	nc := nodeConfigOf(t, demoArgs())
	assert.Nil(t, nc.Spec.Kubelet)
	assert.Nil(t, nc.Spec.Containerd)
	assert.Nil(t, nc.Spec.Instance)
}

func TestNodeGroupMaxPodsOnBottlerocket(t *testing.T) {
	args := demoArgs()
	args.OperatingSystem = Ref(Bottlerocket)
	args.MaxPods = Ref(110)
	args.KubeReserved = map[string]string{"memory": "1843Mi"}
	args.BottlerocketSettings = map[string]any{"kubernetes": map[string]any{"shutdown-grace-period": "45s"}}
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	var doc struct {
		Settings struct {
			Kubernetes map[string]any `toml:"kubernetes"`
		} `toml:"settings"`
	}
	_, err = toml.Decode(decodeUserData(t, m.Require(t, tLT, "ng")), &doc)
	require.NoError(t, err)
	k := doc.Settings.Kubernetes
	assert.Equal(t, int64(110), k["max-pods"])
	assert.Equal(t, map[string]any{"memory": "1843Mi"}, k["kube-reserved"])
	assert.Equal(t, "45s", k["shutdown-grace-period"], "the user's settings stay")
}

func TestNodeGroupMaxPodsOnAL2AndWindows(t *testing.T) {
	t.Run("AL2", func(t *testing.T) {
		args := demoArgs()
		args.OperatingSystem, args.Cluster.Version = Ref(AL2), pulumi.String("1.32")
		args.MaxPods = Ref(110)
		args.KubeReserved = map[string]string{"cpu": "250m", "memory": "1843Mi"}
		args.KubeletExtraArgs = "--v=2"
		m, _, err := runNodeGroup(t, args)
		require.NoError(t, err)
		script := decodeUserData(t, m.Require(t, tLT, "ng"))
		assert.Contains(t, script, "  --use-max-pods 'false' \\\n")
		assert.Contains(t, script, "  --kubelet-extra-args '--max-pods=110 --kube-reserved=cpu=250m,memory=1843Mi --v=2'\n")
	})
	t.Run("Windows", func(t *testing.T) {
		args := demoArgs()
		args.OperatingSystem = Ref(Windows2022Core)
		args.MaxPods = Ref(20)
		m, _, err := runNodeGroup(t, args)
		require.NoError(t, err)
		doc := decodeUserData(t, m.Require(t, tLT, "ng"))
		assert.Contains(t, doc, "KubeletExtraArgs  = '--max-pods=20'\n")
	})
}
