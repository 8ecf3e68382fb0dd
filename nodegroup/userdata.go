package nodegroup

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
)

// nodeadmFor maps a NodeGroup's inputs onto the AL2023 bootstrap description.
func nodeadmFor(a NodeGroupArgs, c userdata.Cluster) userdata.Nodeadm {
	n := userdata.Nodeadm{
		Cluster:       c,
		Labels:        a.Labels,
		Taints:        taintList(a.Taints),
		KubeletFlags:  strings.Fields(a.KubeletExtraArgs),
		KubeletConfig: a.KubeletConfig,
	}
	if a.PreBootstrapUserData != "" {
		n.PreScripts = []string{a.PreBootstrapUserData}
	}
	if a.PostBootstrapUserData != "" {
		n.PostScripts = []string{a.PostBootstrapUserData}
	}
	if packagesHardened(a) {
		n.PostScripts = append(n.PostScripts, userdata.AL2023HardeningScript())
	}
	return n
}

// taintList turns the taints map into the renderers' list, sorted by key.
func taintList(taints map[string]Taint) []userdata.Taint {
	var out []userdata.Taint
	for _, k := range slices.Sorted(maps.Keys(taints)) {
		out = append(out, userdata.Taint{Key: k, Value: taints[k].Value, Effect: string(taints[k].Effect)})
	}
	return out
}

// renderUserData returns the user data text of a NodeGroup: the override when given, else
// the rendered document for its operating system.
func renderUserData(a NodeGroupArgs, c userdata.Cluster) (string, error) {
	if a.UserDataOverride != "" {
		return a.UserDataOverride, nil
	}
	labels, taints, flags := a.Labels, taintList(a.Taints), strings.Fields(a.KubeletExtraArgs)
	switch os := *a.OperatingSystem; {
	case os == AL2023:
		return userdata.RenderNodeadm(nodeadmFor(a, c))
	case os == Bottlerocket:
		return userdata.RenderBottlerocket(userdata.Bottlerocket{Cluster: c, Labels: labels, Taints: taints, Settings: bottlerocketSettings(a)})
	case os.IsWindows():
		return userdata.RenderWindows(userdata.Windows{Cluster: c, Labels: labels, Taints: taints, KubeletFlags: flags,
			PreScript: a.PreBootstrapUserData, PostScript: a.PostBootstrapUserData})
	case os == AL2:
		return userdata.RenderAL2(userdata.AL2{Cluster: c, Labels: labels, Taints: taints, KubeletFlags: flags,
			PreScript: a.PreBootstrapUserData, PostScript: a.PostBootstrapUserData})
	}
	return "", fmt.Errorf("operatingSystem %q has no user data renderer", *a.OperatingSystem)
}

// renderDeployTimeUserData renders the user data once the cluster facts are known (outputs
// are checked by their guards before they get here) and checks the result by the rules
// validation applies before deploy time.
func renderDeployTimeUserData(name string, a NodeGroupArgs, c userdata.Cluster) (string, error) {
	var p problems
	text, err := renderUserData(a, c)
	switch {
	case err != nil:
		attributeRenderError(&p, a, c, err)
	case len(text) > userdata.MaxBytes:
		p.addf("%s: the rendered user data is %d bytes; EC2 allows %d", largestUserDataInput(a), len(text), userdata.MaxBytes)
	}
	return text, p.err(NodeGroupToken, name)
}
