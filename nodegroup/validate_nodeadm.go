package nodegroup

import (
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
)

// al2023OnlyOptions are the NodeConfig options only AL2023's nodeadm takes.
var al2023OnlyOptions = []struct {
	prop string
	set  func(a NodeGroupArgs) bool
}{
	{"kubeletFeatureGates", func(a NodeGroupArgs) bool { return len(a.KubeletFeatureGates) > 0 }},
	{"containerdConfig", func(a NodeGroupArgs) bool { return a.ContainerdConfig != "" }},
	{"containerdBaseRuntimeSpec", func(a NodeGroupArgs) bool { return len(a.ContainerdBaseRuntimeSpec) > 0 }},
	{"localStorage", func(a NodeGroupArgs) bool { return a.LocalStorage != nil }},
}

// What to do instead of each AL2023-only option on the other operating systems.
var (
	bottlerocketInstead = map[string]string{
		"kubeletFeatureGates":       "Bottlerocket takes kubelet settings under bottlerocketSettings.kubernetes only",
		"containerdConfig":          `configure containerd with bottlerocketSettings["container-runtime"]`,
		"containerdBaseRuntimeSpec": `set the containers' defaults with bottlerocketSettings["oci-defaults"]`,
		"localStorage":              "set up instance store volumes with apiclient ephemeral-storage from a bootstrap container in bottlerocketSettings",
	}
	windowsInstead = map[string]string{
		"kubeletFeatureGates":       "give --feature-gates in kubeletExtraArgs",
		"containerdConfig":          "edit the containerd configuration from preBootstrapUserData",
		"containerdBaseRuntimeSpec": "it is a NodeConfig option of AL2023 nodes",
		"localStorage":              "initialize instance store volumes from preBootstrapUserData",
	}
	al2Instead = map[string]string{
		"kubeletFeatureGates":       "give --feature-gates in kubeletExtraArgs",
		"containerdConfig":          "edit /etc/containerd/config.toml from preBootstrapUserData",
		"containerdBaseRuntimeSpec": "it is a NodeConfig option of AL2023 nodes",
		"localStorage":              "run setup-local-disks from preBootstrapUserData",
	}
)

// al2023Only returns the refusals of the AL2023-only options for an operating system, with what
// to do instead there.
func al2023Only(instead map[string]string) []refusal {
	out := make([]refusal, 0, len(al2023OnlyOptions))
	for _, o := range al2023OnlyOptions {
		out = append(out, refusal{o.prop, o.set, "it is a NodeConfig option of AL2023 (nodeadm); " + instead[o.prop]})
	}
	return out
}

// addNodeadmOptions passes the typed kubelet and NodeConfig options to the renderer.
func addNodeadmOptions(in *userdata.Input, a NodeGroupArgs) {
	in.MaxPods = valueOr(a.MaxPods, 0)
	in.KubeReserved = a.KubeReserved
	in.KubeletFeatureGates = a.KubeletFeatureGates
	if a.ContainerdConfig != "" || len(a.ContainerdBaseRuntimeSpec) > 0 {
		in.Containerd = &userdata.ContainerdOptions{Config: a.ContainerdConfig, BaseRuntimeSpec: a.ContainerdBaseRuntimeSpec}
	}
	if l := a.LocalStorage; l != nil {
		mounts := make([]string, len(l.DisabledMounts))
		for i, m := range l.DisabledMounts {
			mounts[i] = string(m)
		}
		if len(mounts) == 0 {
			mounts = nil
		}
		in.LocalStorage = &userdata.LocalStorageOptions{Strategy: string(l.Strategy), MountPath: l.MountPath, DisabledMounts: mounts}
	}
}

// nodeadmInput is one typed option that goes into the rendered user data (userDataInputs).
type nodeadmInput = struct {
	prop  string
	set   bool
	only  func(b *NodeGroupArgs)
	bytes int
}

// nodeadmUserDataInputs are the options of this file among userDataInputs.
func nodeadmUserDataInputs(a NodeGroupArgs) []nodeadmInput {
	return []nodeadmInput{
		{"maxPods", a.MaxPods != nil, func(b *NodeGroupArgs) { b.MaxPods = a.MaxPods }, 8},
		{"kubeReserved", len(a.KubeReserved) > 0, func(b *NodeGroupArgs) { b.KubeReserved = a.KubeReserved }, len(fmt.Sprint(a.KubeReserved))},
		{"kubeletFeatureGates", len(a.KubeletFeatureGates) > 0, func(b *NodeGroupArgs) { b.KubeletFeatureGates = a.KubeletFeatureGates }, len(fmt.Sprint(a.KubeletFeatureGates))},
		{"containerdConfig", a.ContainerdConfig != "", func(b *NodeGroupArgs) { b.ContainerdConfig = a.ContainerdConfig }, len(a.ContainerdConfig)},
		{"containerdBaseRuntimeSpec", len(a.ContainerdBaseRuntimeSpec) > 0, func(b *NodeGroupArgs) { b.ContainerdBaseRuntimeSpec = a.ContainerdBaseRuntimeSpec }, len(fmt.Sprint(a.ContainerdBaseRuntimeSpec))},
		{"localStorage", a.LocalStorage != nil, func(b *NodeGroupArgs) { b.LocalStorage = a.LocalStorage }, len(fmt.Sprint(a.LocalStorage))},
	}
}

// clearNodeadmOptions unsets the options of this file, so that attributeRenderError can render
// one input at a time.
func clearNodeadmOptions(b *NodeGroupArgs) {
	b.MaxPods, b.KubeReserved, b.KubeletFeatureGates = nil, nil, nil
	b.ContainerdConfig, b.ContainerdBaseRuntimeSpec, b.LocalStorage = "", nil, nil
}

// kubeReservedResources are the resources kubeReserved may reserve: those the kubelet and
// Bottlerocket's settings.kubernetes.kube-reserved both take
// (https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/,
// https://bottlerocket.dev/en/os/latest/api/settings/kubernetes/#kube-reserved).
var kubeReservedResources = []string{"cpu", "ephemeral-storage", "memory"}

// quantityRe is the shape of a non-negative Kubernetes resource quantity: a decimal number with
// an optional binary (Ki..Ei), decimal (n, u, m, k..E) or exponent suffix (the grammar of
// k8s.io/apimachinery/pkg/api/resource, quantity.go).
var quantityRe = regexp.MustCompile(`^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$`)

// featureGateNameRe is the shape of a Kubernetes feature gate name (CamelCase, e.g.
// InPlacePodVerticalScaling).
var featureGateNameRe = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)

// checkNodeadmOptions checks maxPods, kubeReserved and the AL2023 NodeConfig options.
func checkNodeadmOptions(p *problems, a NodeGroupArgs) {
	if a.UserDataOverride != "" {
		for _, in := range nodeadmUserDataInputs(a) {
			if in.set {
				p.addf("userDataOverride conflicts with %s: the override replaces the rendered user data that would carry it", in.prop)
			}
		}
		return
	}
	flags := kubeletFlagValues(a.KubeletExtraArgs)
	if a.MaxPods != nil {
		// The kubelet's maxPods is an int32 that must be positive. EKS's max-pods-calculator.sh
		// (github.com/awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh) caps
		// its recommendation at 110 up to 30 vCPUs and 250 above: a recommendation, not a limit.
		// nodeadm computes kubeReserved memory from its own max pods (nodeadm/internal/kubelet
		// config.go, withDefaultReservedResources), hence kubeReserved's advice.
		checkRange(p, "maxPods", *a.MaxPods, 1, maxInt32, "")
		checkGivenOnce(p, a, "maxPods", "maxPods", "--max-pods", "kubernetes.max-pods", flags)
	}
	if len(a.KubeReserved) > 0 {
		for _, k := range slices.Sorted(maps.Keys(a.KubeReserved)) {
			prop := fmt.Sprintf("kubeReserved[%q]", k)
			if !slices.Contains(kubeReservedResources, k) {
				p.addf("%s: the resource must be one of: %s", prop, strings.Join(kubeReservedResources, ", "))
				continue
			}
			if !quantityRe.MatchString(a.KubeReserved[k]) {
				p.addf("%s (%q) must be a non-negative Kubernetes quantity such as 100m, 1Gi or 512Mi", prop, a.KubeReserved[k])
			}
		}
		checkGivenOnce(p, a, "kubeReserved", "kubeReserved", "--kube-reserved", "kubernetes.kube-reserved", flags)
	}
	checkFeatureGates(p, a, flags)
	checkContainerdOptions(p, a)
	checkLocalStorage(p, a.LocalStorage)
}

// checkGivenOnce refuses a typed kubelet setting also given in kubeletConfig, kubeletExtraArgs
// or bottlerocketSettings, where it would be set twice.
func checkGivenOnce(p *problems, a NodeGroupArgs, prop, configKey, flag, setting string, flags map[string]string) {
	if _, ok := a.KubeletConfig[configKey]; ok {
		p.addf("%s conflicts with kubeletConfig.%s: give the setting once", prop, configKey)
	}
	if _, ok := flags[flag]; ok {
		p.addf("%s conflicts with %s in kubeletExtraArgs: give the setting once", prop, flag)
	}
	if _, ok := lookupSetting(a.BottlerocketSettings, setting); ok {
		p.addf("%s conflicts with bottlerocketSettings.%s: give the setting once", prop, setting)
	}
}

// kubeletFlagValues returns the kubelet flags of kubeletExtraArgs by name, as the kubelet reads
// them.
func kubeletFlagValues(s string) map[string]string {
	out := map[string]string{}
	for _, f := range strings.Fields(s) {
		name, value, _ := normalizeKubeletFlag(f)
		out[name] = value
	}
	return out
}

func checkFeatureGates(p *problems, a NodeGroupArgs, flags map[string]string) {
	if len(a.KubeletFeatureGates) == 0 {
		return
	}
	fromFlag := map[string]bool{}
	for _, g := range strings.Split(flags["--feature-gates"], ",") {
		name, _, _ := strings.Cut(g, "=")
		fromFlag[strings.TrimSpace(name)] = true
	}
	configGates, hasConfigGates := a.KubeletConfig["featureGates"]
	if hasConfigGates && !isStringMap(configGates) {
		p.addf("kubeletConfig.featureGates must be a map of gate names to booleans to be merged with kubeletFeatureGates")
	}
	for _, name := range slices.Sorted(maps.Keys(a.KubeletFeatureGates)) {
		prop := fmt.Sprintf("kubeletFeatureGates[%q]", name)
		if !featureGateNameRe.MatchString(name) {
			p.addf("%s: a feature gate name is a CamelCase word such as InPlacePodVerticalScaling", prop)
		}
		if _, ok := lookupSetting(configGates, name); ok && hasConfigGates {
			p.addf("%s conflicts with kubeletConfig.featureGates.%s: give each gate once", prop, name)
		}
		if fromFlag[name] {
			p.addf("%s conflicts with --feature-gates in kubeletExtraArgs: give each gate once", prop)
		}
	}
}

// isStringMap reports whether v is a map with string keys, whatever its value type.
func isStringMap(v any) bool {
	switch v.(type) {
	case map[string]any, map[string]bool:
		return true
	}
	return false
}

func checkContainerdOptions(p *problems, a NodeGroupArgs) {
	if s := a.ContainerdConfig; s != "" {
		switch {
		case checkBlank(p, "containerdConfig", s):
		case strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s):
			p.addf("containerdConfig must be UTF-8 text without NUL bytes")
		default:
			if err := userdata.CheckContainerdConfig(s); err != nil {
				p.addf("containerdConfig: %v", err)
			}
		}
	}
	if len(a.ContainerdBaseRuntimeSpec) > 0 {
		if _, err := json.Marshal(a.ContainerdBaseRuntimeSpec); err != nil {
			p.addf("containerdBaseRuntimeSpec cannot be rendered as JSON: %v", err)
		}
	}
}

func checkLocalStorage(p *problems, l *LocalStorage) {
	if l == nil {
		return
	}
	checkEnum(p, "localStorage.strategy", l.Strategy, localStorageStrategies)
	if m := l.MountPath; m != "" {
		switch {
		case !strings.HasPrefix(m, "/") || strings.ContainsFunc(m, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) || !utf8.ValidString(m):
			p.addf("localStorage.mountPath (%q) must be an absolute path without white space, such as /mnt/k8s-disks", m)
		case path.Clean(m) == "/":
			p.addf("localStorage.mountPath (%q) cannot be the root directory", m)
		case slices.Contains(strings.Split(m, "/"), ".."):
			p.addf("localStorage.mountPath (%q) must not hold .. segments", m)
		}
	}
	seen := map[DisabledMount]bool{}
	for i, m := range l.DisabledMounts {
		prop := fmt.Sprintf("localStorage.disabledMounts[%d]", i)
		if checkEnum(p, prop, m, disabledMounts) && seen[m] {
			p.addf("%s (%s) is listed more than once", prop, m)
		}
		seen[m] = true
	}
}
