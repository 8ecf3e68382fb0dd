package nodegroup

import (
	"fmt"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
)

// nodeadmFor maps a NodeGroup's inputs onto the AL2023 bootstrap description.
func nodeadmFor(a NodeGroupArgs, c userdata.Cluster) userdata.Nodeadm {
	n := userdata.Nodeadm{
		Cluster:       c,
		Labels:        a.Labels,
		KubeletFlags:  strings.Fields(a.KubeletExtraArgs),
		KubeletConfig: a.KubeletConfig,
	}
	for _, k := range sortedKeys(a.Taints) {
		t := a.Taints[k]
		n.Taints = append(n.Taints, userdata.Taint{Key: k, Value: t.Value, Effect: string(t.Effect)})
	}
	if a.PreBootstrapUserData != "" {
		n.PreScripts = []string{a.PreBootstrapUserData}
	}
	if a.PostBootstrapUserData != "" {
		n.PostScripts = []string{a.PostBootstrapUserData}
	}
	return n
}

// renderUserData returns the user data text of a NodeGroup: the override when given, else
// the rendered document for its operating system.
func renderUserData(a NodeGroupArgs, c userdata.Cluster) (string, error) {
	if a.UserDataOverride != "" {
		return a.UserDataOverride, nil
	}
	switch *a.OperatingSystem {
	case AL2023:
		return userdata.RenderNodeadm(nodeadmFor(a, c))
	}
	return "", fmt.Errorf("operatingSystem %q has no user data renderer", *a.OperatingSystem)
}

// renderDeployTimeUserData renders the user data once the cluster facts are known, checking
// again the facts that were outputs before deploy time and the size limit.
func renderDeployTimeUserData(a NodeGroupArgs, c userdata.Cluster) (string, error) {
	var p problems
	checkClusterFacts(&p, "cluster.", &c.Name, &c.Endpoint, &c.CertificateAuthority, &c.ServiceCIDR)
	if len(p) > 0 {
		return "", fmt.Errorf("invalid cluster facts:\n  - %s", strings.Join(p, "\n  - "))
	}
	text, err := renderUserData(a, c)
	if err != nil {
		return "", err
	}
	if len(text) > userdata.MaxBytes {
		return "", fmt.Errorf("the rendered user data is %d bytes; EC2 allows %d", len(text), userdata.MaxBytes)
	}
	return text, nil
}
