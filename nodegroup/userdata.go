package nodegroup

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
)

// userDataInput maps a NodeGroup's inputs onto the user data of its operating system. Every
// input is passed on: the renderer refuses one its format cannot take (validation reports those
// first, naming the property).
func userDataInput(a NodeGroupArgs, c userdata.Cluster) (userdata.Input, error) {
	in := userdata.Input{
		Cluster:       c,
		Labels:        a.Labels,
		Taints:        taintList(a.Taints),
		KubeletFlags:  strings.Fields(a.KubeletExtraArgs),
		KubeletConfig: a.KubeletConfig,
		PreScripts:    scriptList(a.PreBootstrapUserData),
		PostScripts:   scriptList(a.PostBootstrapUserData),
		Settings:      a.BottlerocketSettings,
	}
	addNodeadmOptions(&in, a)
	f, ok := osTable[*a.OperatingSystem]
	if !ok {
		return userdata.Input{}, fmt.Errorf("operatingSystem %q has no user data renderer", *a.OperatingSystem)
	}
	in.Format = f.userData
	if packagesHardened(a) {
		in.PostScripts = append(in.PostScripts, userdata.AL2023HardeningScript())
	}
	if f.hardening.settings {
		settings, err := bottlerocketSettings(a)
		if err != nil {
			return userdata.Input{}, err
		}
		in.Settings = settings
	}
	return in, nil
}

// scriptList is a script input as the renderer's list: empty when the input is not set.
func scriptList(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
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
	in, err := userDataInput(a, c)
	if err != nil {
		return "", err
	}
	return userdata.Render(in)
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
