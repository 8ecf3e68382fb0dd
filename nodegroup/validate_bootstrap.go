package nodegroup

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"k8s.io/apimachinery/pkg/util/validation"
)

// kubeletOwnedPrefixes are the label namespaces the kubelet may not set on its own node
// (NodeRestriction), except for the allowed sub-namespaces and keys below.
var (
	kubeletOwnedPrefixes   = []string{"kubernetes.io/", "k8s.io/"}
	kubeletAllowedPrefixes = []string{"kubelet.kubernetes.io/", "node.kubernetes.io/"}
	kubeletAllowedLabels   = map[string]bool{
		"kubernetes.io/hostname": true, "kubernetes.io/instance-type": true, "kubernetes.io/os": true,
		"kubernetes.io/arch": true, "beta.kubernetes.io/instance-type": true, "beta.kubernetes.io/os": true,
		"beta.kubernetes.io/arch": true, "failure-domain.beta.kubernetes.io/zone": true,
		"failure-domain.beta.kubernetes.io/region": true, "topology.kubernetes.io/zone": true,
		"topology.kubernetes.io/region": true,
	}
)

// kubeletMaySetLabel reports whether the kubelet may register its node with the label key.
func kubeletMaySetLabel(key string) bool {
	if kubeletAllowedLabels[key] {
		return true
	}
	prefix, _, hasPrefix := strings.Cut(key, "/")
	if !hasPrefix {
		return true
	}
	prefix += "/"
	for _, allowed := range kubeletAllowedPrefixes {
		if strings.HasSuffix(prefix, "."+allowed) || prefix == allowed {
			return true
		}
	}
	for _, owned := range kubeletOwnedPrefixes {
		if strings.HasSuffix(prefix, "."+owned) || prefix == owned {
			return false
		}
	}
	return true
}

func checkLabelsAndTaints(p *problems, a NodeGroupArgs) {
	for _, k := range slices.Sorted(maps.Keys(a.Labels)) {
		prop := fmt.Sprintf("labels[%q]", k)
		for _, msg := range validation.IsQualifiedName(k) {
			p.addf("%s: the key %s", prop, msg)
		}
		for _, msg := range validation.IsValidLabelValue(a.Labels[k]) {
			p.addf("%s: the value %q %s", prop, a.Labels[k], msg)
		}
		if !kubeletMaySetLabel(k) {
			p.addf("%s: the kubelet may not set labels under kubernetes.io/ or k8s.io/ (use node.kubernetes.io/ or your own prefix)", prop)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(a.Taints)) {
		t := a.Taints[k]
		prop := fmt.Sprintf("taints[%q]", k)
		for _, msg := range validation.IsQualifiedName(k) {
			p.addf("%s: the key %s", prop, msg)
		}
		for _, msg := range validation.IsValidLabelValue(t.Value) {
			p.addf("%s.value (%q) %s", prop, t.Value, msg)
		}
		checkEnum(p, prop+".effect", t.Effect, []TaintEffect{NoSchedule, PreferNoSchedule, NoExecute})
	}
}

// kubeletFlagNameRe is the shape of every kubelet flag name once `_` is read as `-`, as the
// kubelet itself reads it.
var kubeletFlagNameRe = regexp.MustCompile(`^--[a-z0-9][a-z0-9-]*$`)

// kubeletOwnedFlags are the flags eksnodes sets from typed inputs, with the input to use.
var kubeletOwnedFlags = map[string]string{
	"--node-labels":          "labels",
	"--register-with-taints": "taints",
}

// normalizeKubeletFlag returns a flag with its name spelled the way the kubelet reads it: the
// kubelet (spf13/pflag with a word-separator normaliser) treats `_` and `-` in names alike.
func normalizeKubeletFlag(f string) (name, value string, hasValue bool) {
	name, value, hasValue = strings.Cut(f, "=")
	return strings.ReplaceAll(name, "_", "-"), value, hasValue
}

func checkKubeletExtraArgs(p *problems, s string) {
	const prop = "kubeletExtraArgs"
	if checkBlank(p, prop, s) {
		return
	}
	seen := map[string]bool{}
	for _, f := range strings.Fields(s) {
		name, _, _ := normalizeKubeletFlag(f)
		switch {
		case !kubeletFlagNameRe.MatchString(name):
			p.addf("%s: %q must be a kubelet flag such as --max-pods=58 (two dashes, a lower-case name)", prop, f)
		case kubeletOwnedFlags[name] != "":
			p.addf("%s: set %s with %s, not %s", prop, strings.TrimPrefix(name, "--"), kubeletOwnedFlags[name], f)
		case seen[name]:
			p.addf("%s: %s is given more than once", prop, name)
		}
		seen[name] = true
	}
}

func checkBootstrap(p *problems, a NodeGroupArgs) {
	for _, s := range []struct{ prop, value string }{
		{"userDataOverride", a.UserDataOverride}, {"preBootstrapUserData", a.PreBootstrapUserData},
		{"postBootstrapUserData", a.PostBootstrapUserData}, {"kubeletExtraArgs", a.KubeletExtraArgs},
	} {
		switch {
		case checkBlank(p, s.prop, s.value):
		case strings.IndexByte(s.value, 0) >= 0:
			p.addf("%s holds a NUL byte, which user data cannot carry (bash drops it, EC2 text fields end at it)", s.prop)
		case !utf8.ValidString(s.value):
			p.addf("%s is not valid UTF-8 text", s.prop)
		}
	}
	if a.UserDataOverride != "" {
		for _, c := range []struct {
			prop string
			set  bool
		}{
			{"labels", len(a.Labels) > 0}, {"taints", len(a.Taints) > 0},
			{"kubeletExtraArgs", a.KubeletExtraArgs != ""}, {"kubeletConfig", len(a.KubeletConfig) > 0},
			{"preBootstrapUserData", a.PreBootstrapUserData != ""}, {"postBootstrapUserData", a.PostBootstrapUserData != ""},
			{"bottlerocketSettings", len(a.BottlerocketSettings) > 0},
		} {
			if c.set {
				p.addf("userDataOverride conflicts with %s: the override replaces the rendered user data that would carry it", c.prop)
			}
		}
		if n := len(a.UserDataOverride); n > userdata.MaxBytes {
			p.addf("userDataOverride is %d bytes; EC2 allows %d", n, userdata.MaxBytes)
		}
		return
	}
	checkKubeletExtraArgs(p, a.KubeletExtraArgs)
	if len(a.KubeletConfig) > 0 {
		if _, err := json.Marshal(a.KubeletConfig); err != nil {
			p.addf("kubeletConfig cannot be rendered as JSON: %v", err)
		}
	}
	if len(a.BottlerocketSettings) > 0 {
		checkBottlerocketOwned(p, a.BottlerocketSettings)
	}
	if !validOS(*a.OperatingSystem) || reportedAlready(*p, a) {
		return // rendering would only repeat what is reported already
	}
	// The cluster facts may be outputs: check the rendering and its size with the known values,
	// or realistic stand-ins for the others. The rendering runs again when they arrive.
	text, err := renderUserData(a, sizingCluster(a))
	if err != nil {
		attributeRenderError(p, a, sizingCluster(a), err)
	} else if len(text) > userdata.MaxBytes {
		p.addf("%s: the rendered user data is %d bytes; EC2 allows %d (shorten preBootstrapUserData, postBootstrapUserData, kubeletConfig, labels or taints)", largestUserDataInput(a), len(text), userdata.MaxBytes)
	}
}

// userDataInputs are the inputs that go into the rendered user data, in the order problems
// about them are reported.
func userDataInputs(a NodeGroupArgs) []struct {
	prop  string
	set   bool
	only  func(b *NodeGroupArgs)
	bytes int
} {
	type in = struct {
		prop  string
		set   bool
		only  func(b *NodeGroupArgs)
		bytes int
	}
	return append([]in{
		{"labels", len(a.Labels) > 0, func(b *NodeGroupArgs) { b.Labels = a.Labels }, len(fmt.Sprint(a.Labels))},
		{"taints", len(a.Taints) > 0, func(b *NodeGroupArgs) { b.Taints = a.Taints }, len(fmt.Sprint(a.Taints))},
		{"kubeletExtraArgs", a.KubeletExtraArgs != "", func(b *NodeGroupArgs) { b.KubeletExtraArgs = a.KubeletExtraArgs }, len(a.KubeletExtraArgs)},
		{"kubeletConfig", len(a.KubeletConfig) > 0, func(b *NodeGroupArgs) { b.KubeletConfig = a.KubeletConfig }, len(fmt.Sprint(a.KubeletConfig))},
		{"preBootstrapUserData", a.PreBootstrapUserData != "", func(b *NodeGroupArgs) { b.PreBootstrapUserData = a.PreBootstrapUserData }, len(a.PreBootstrapUserData)},
		{"postBootstrapUserData", a.PostBootstrapUserData != "", func(b *NodeGroupArgs) { b.PostBootstrapUserData = a.PostBootstrapUserData }, len(a.PostBootstrapUserData)},
		{"bottlerocketSettings", len(a.BottlerocketSettings) > 0, func(b *NodeGroupArgs) { b.BottlerocketSettings = a.BottlerocketSettings }, len(fmt.Sprint(a.BottlerocketSettings))},
	}, nodeadmUserDataInputs(a)...)
}

// reportedAlready reports whether a problem was found already in an input the user data is
// rendered from, which the rendering would only report again.
func reportedAlready(p problems, a NodeGroupArgs) bool {
	for _, msg := range p {
		for _, in := range userDataInputs(a) {
			if strings.HasPrefix(msg, in.prop) {
				return true
			}
		}
		if strings.HasPrefix(msg, "cluster.") {
			return true
		}
	}
	return false
}

// attributeRenderError names the input a rendering problem comes from: the user data is
// rendered again with one input at a time, and each input that fails on its own is reported
// with the renderer's reason. The hardening profile stays: its Bottlerocket settings are merged
// under the user's, which can fail for them alone.
func attributeRenderError(p *problems, a NodeGroupArgs, c userdata.Cluster, err error) {
	found := false
	for _, in := range userDataInputs(a) {
		if !in.set {
			continue
		}
		b := a
		b.Labels, b.Taints, b.KubeletExtraArgs, b.KubeletConfig = nil, nil, "", nil
		b.PreBootstrapUserData, b.PostBootstrapUserData, b.BottlerocketSettings = "", "", nil
		clearNodeadmOptions(&b)
		in.only(&b)
		if _, e := renderUserData(b, c); e != nil {
			p.addf("%s cannot be rendered into the %s user data: %v", in.prop, *a.OperatingSystem, e)
			found = true
		}
	}
	if !found {
		p.addf("operatingSystem (%s): the user data cannot be rendered: %v", *a.OperatingSystem, err)
	}
}

// largestUserDataInput names the input that takes the most room in the user data.
func largestUserDataInput(a NodeGroupArgs) string {
	best, size := "labels", -1
	for _, in := range userDataInputs(a) {
		if in.set && in.bytes > size {
			best, size = in.prop, in.bytes
		}
	}
	return best
}

// bottlerocketOwned are the Bottlerocket settings eksnodes renders from typed inputs; a user
// setting would silently override the input, so it is refused with a pointer to the input.
var bottlerocketOwned = []struct{ path, input string }{
	{"kubernetes.cluster-name", "cluster.name"},
	{"kubernetes.api-server", "cluster.endpoint"},
	{"kubernetes.cluster-certificate", "cluster.certificateAuthority"},
	{"kubernetes.node-labels", "labels"},
	{"kubernetes.node-taints", "taints"},
}

func checkBottlerocketOwned(p *problems, settings map[string]any) {
	if _, ok := settings["settings"]; ok {
		p.addf("bottlerocketSettings.settings: bottlerocketSettings is already the settings table; write {kubernetes: {...}}, not {settings: {kubernetes: {...}}}")
	}
	for _, o := range bottlerocketOwned {
		if _, ok := lookupSetting(settings, o.path); ok {
			p.addf("bottlerocketSettings.%s is set by eksnodes from %s; set %s instead", o.path, o.input, o.input)
		}
	}
}

// lookupSetting finds a dotted path in nested settings tables, whatever map type holds them,
// and also when a key spells several levels at once ("kubernetes.cluster-name").
func lookupSetting(settings any, path string) (any, bool) {
	if path == "" {
		return settings, true
	}
	v := reflect.ValueOf(settings)
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil, false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Map || v.Type().Key().Kind() != reflect.String {
		return nil, false
	}
	for _, k := range v.MapKeys() {
		key := k.String()
		if path == key || strings.HasPrefix(path, key+".") {
			if found, ok := lookupSetting(v.MapIndex(k).Interface(), strings.TrimPrefix(strings.TrimPrefix(path, key), ".")); ok {
				return found, true
			}
		}
	}
	return nil, false
}

// sizingCluster returns the cluster facts that are known, with realistic stand-ins of typical
// size for the others, so the user data can be rendered and sized before deploy time.
func sizingCluster(a NodeGroupArgs) userdata.Cluster {
	c := userdata.Cluster{
		Name:                 strings.Repeat("n", 40),
		Endpoint:             "https://" + strings.Repeat("0", 32) + ".gr7.us-east-1.eks.amazonaws.com",
		CertificateAuthority: strings.Repeat("Q", 1500),
		ServiceCIDR:          "172.20.0.0/16",
	}
	for _, f := range []struct {
		in  pulumi.StringInput
		out *string
	}{{a.Cluster.Name, &c.Name}, {a.Cluster.Endpoint, &c.Endpoint}, {a.Cluster.CertificateAuthority, &c.CertificateAuthority}, {a.Cluster.ServiceCidr, &c.ServiceCIDR}} {
		if s, ok := plainString(f.in); ok {
			*f.out = s
		}
	}
	return c
}
