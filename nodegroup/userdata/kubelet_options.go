package userdata

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// ContainerdOptions is NodeConfig spec.containerd.
type ContainerdOptions struct {
	// Config is a containerd configuration fragment in TOML that nodeadm merges over its own.
	// It must be a valid TOML document (CheckContainerdConfig).
	Config string `json:"config,omitempty"`
	// BaseRuntimeSpec is a partial OCI runtime specification merged over the default one every
	// container starts from.
	BaseRuntimeSpec map[string]any `json:"baseRuntimeSpec,omitempty"`
}

// InstanceOptions is NodeConfig spec.instance.
type InstanceOptions struct {
	LocalStorage *LocalStorageOptions `json:"localStorage,omitempty"`
}

// LocalStorageOptions is NodeConfig spec.instance.localStorage: how nodeadm uses the instance
// store volumes.
type LocalStorageOptions struct {
	// Strategy is one of LocalStorageStrategies. Required.
	Strategy string `json:"strategy"`
	// MountPath is where the file system is mounted; "" leaves nodeadm's default.
	MountPath string `json:"mountPath,omitempty"`
	// DisabledMounts are the directories kept on the root volume, each one of DisabledMounts.
	DisabledMounts []string `json:"disabledMounts,omitempty"`
}

// LocalStorageStrategies and DisabledMounts are the values nodeadm accepts in
// LocalStorageOptions (the enums of its NodeConfig CRD, node.eks.aws_nodeconfigs.yaml).
var (
	LocalStorageStrategies = []string{"RAID0", "RAID10", "Mount"}
	DisabledMounts         = []string{"Containerd", "PodLogs", "SOCI"}
)

// CheckContainerdConfig refuses a containerd configuration fragment that is not a TOML
// document: nodeadm would fail to merge it and the node would not join.
func CheckContainerdConfig(s string) error {
	var doc map[string]any
	if _, err := toml.Decode(s, &doc); err != nil {
		return fmt.Errorf("the containerd config is not valid TOML: %w", err)
	}
	return nil
}

// checkNodeConfigOptions refuses NodeConfig options nodeadm would reject.
func checkNodeConfigOptions(n Input) error {
	if c := n.Containerd; c != nil && c.Config != "" {
		if err := CheckContainerdConfig(c.Config); err != nil {
			return err
		}
	}
	if l := n.LocalStorage; l != nil {
		if !slices.Contains(LocalStorageStrategies, l.Strategy) {
			return fmt.Errorf("local storage strategy %q is not one of %s", l.Strategy, strings.Join(LocalStorageStrategies, ", "))
		}
		for _, m := range l.DisabledMounts {
			if !slices.Contains(DisabledMounts, m) {
				return fmt.Errorf("disabled mount %q is not one of %s", m, strings.Join(DisabledMounts, ", "))
			}
		}
	}
	return nil
}

// lowerKubeletOptions places the typed kubelet options of in (MaxPods, KubeReserved,
// KubeletFeatureGates) where the format f takes kubelet settings: its KubeletConfiguration,
// its settings, or its kubelet flags. The same setting given twice is refused. in is returned
// unchanged when it has none, and the caller's maps and slices are never modified.
func lowerKubeletOptions(f formatRules, in Input) (Input, error) {
	if in.MaxPods == 0 && len(in.KubeReserved) == 0 && len(in.KubeletFeatureGates) == 0 {
		return in, nil
	}
	var err error
	switch {
	case f.kubeletConfig:
		in.KubeletConfig, err = lowerToKubeletConfig(in)
	case f.settings:
		in.Settings, err = lowerToSettings(in)
	default:
		in.KubeletFlags, err = lowerToFlags(in)
	}
	if err != nil {
		return Input{}, fmt.Errorf("the %s user data cannot take %w", f.name, err)
	}
	return in, nil
}

// lowerToKubeletConfig returns in.KubeletConfig with the typed options added.
func lowerToKubeletConfig(in Input) (map[string]any, error) {
	cfg := maps.Clone(in.KubeletConfig)
	if cfg == nil {
		cfg = map[string]any{}
	}
	if in.MaxPods > 0 {
		if _, dup := cfg["maxPods"]; dup {
			return nil, fmt.Errorf("MaxPods: KubeletConfig sets maxPods too")
		}
		cfg["maxPods"] = in.MaxPods
	}
	if len(in.KubeReserved) > 0 {
		if _, dup := cfg["kubeReserved"]; dup {
			return nil, fmt.Errorf("KubeReserved: KubeletConfig sets kubeReserved too")
		}
		cfg["kubeReserved"] = maps.Clone(in.KubeReserved)
	}
	if len(in.KubeletFeatureGates) > 0 {
		gates := map[string]any{}
		switch given := cfg["featureGates"].(type) {
		case nil:
		case map[string]any:
			maps.Copy(gates, given)
		case map[string]bool:
			for k, v := range given {
				gates[k] = v
			}
		default:
			return nil, fmt.Errorf("KubeletFeatureGates: KubeletConfig featureGates is a %T, not a map of gate names to booleans", given)
		}
		for _, name := range slices.Sorted(maps.Keys(in.KubeletFeatureGates)) {
			if _, dup := gates[name]; dup {
				return nil, fmt.Errorf("KubeletFeatureGates: KubeletConfig featureGates sets %s too", name)
			}
			gates[name] = in.KubeletFeatureGates[name]
		}
		cfg["featureGates"] = gates
	}
	return cfg, nil
}

// lowerToSettings returns in.Settings merged over the Bottlerocket settings of the typed options.
func lowerToSettings(in Input) (map[string]any, error) {
	user, err := MergeSettings(nil, in.Settings)
	if err != nil {
		return nil, err
	}
	given, _ := user["kubernetes"].(map[string]any)
	kubernetes := map[string]any{}
	if in.MaxPods > 0 {
		if _, dup := given["max-pods"]; dup {
			return nil, fmt.Errorf("MaxPods: Settings sets kubernetes.max-pods too")
		}
		kubernetes["max-pods"] = in.MaxPods
	}
	if len(in.KubeReserved) > 0 {
		if _, dup := given["kube-reserved"]; dup {
			return nil, fmt.Errorf("KubeReserved: Settings sets kubernetes.kube-reserved too")
		}
		reserved := map[string]any{}
		for k, v := range in.KubeReserved {
			reserved[k] = v
		}
		kubernetes["kube-reserved"] = reserved
	}
	return MergeSettings(map[string]any{"kubernetes": kubernetes}, user)
}

// lowerToFlags returns in.KubeletFlags after the flags of the typed options.
func lowerToFlags(in Input) ([]string, error) {
	var typed []string
	owned := map[string]string{}
	if in.MaxPods > 0 {
		typed = append(typed, "--max-pods="+strconv.Itoa(in.MaxPods))
		owned["--max-pods"] = "MaxPods"
	}
	if len(in.KubeReserved) > 0 {
		pairs := make([]string, 0, len(in.KubeReserved))
		for _, k := range slices.Sorted(maps.Keys(in.KubeReserved)) {
			pairs = append(pairs, k+"="+in.KubeReserved[k])
		}
		typed = append(typed, "--kube-reserved="+strings.Join(pairs, ","))
		owned["--kube-reserved"] = "KubeReserved"
	}
	for _, f := range in.KubeletFlags {
		name, _, _ := strings.Cut(f, "=")
		name = strings.ReplaceAll(name, "_", "-") // the kubelet reads them alike
		if field := owned[name]; field != "" {
			return nil, fmt.Errorf("%s: KubeletFlags sets %s too", field, name)
		}
	}
	return append(typed, in.KubeletFlags...), nil
}
