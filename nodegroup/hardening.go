package nodegroup

import (
	"fmt"
	"reflect"
	"strings"
)

// bottlerocketBaseline are the Bottlerocket settings of the baseline hardening profile: no
// admin container (no root shell on the node; the control container still gives Session
// Manager access) and kernel lockdown in integrity mode.
func bottlerocketBaseline() map[string]any {
	return map[string]any{
		"host-containers": map[string]any{"admin": map[string]any{"enabled": false}},
		"kernel":          map[string]any{"lockdown": "integrity"},
	}
}

// packagesHardened reports whether the baseline profile's package-based steps run: on the
// EKS-optimized AL2023 AMI only (a custom AMI is expected to carry its own).
func packagesHardened(a NodeGroupArgs) bool {
	return *a.Hardening == HardeningBaseline && *a.OperatingSystem == AL2023 && a.AmiId == nil
}

// bottlerocketSettings returns the user's Bottlerocket settings, with the baseline profile's
// underneath when it applies.
func bottlerocketSettings(a NodeGroupArgs) map[string]any {
	if *a.Hardening != HardeningBaseline {
		return a.BottlerocketSettings
	}
	return mergeSettings(bottlerocketBaseline(), a.BottlerocketSettings)
}

// mergeSettings deep-merges over into a copy of base: tables merge key by key, other values
// replace.
func mergeSettings(base, over map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		bt, bok := out[k].(map[string]any)
		ot, ook := v.(map[string]any)
		if bok && ook {
			out[k] = mergeSettings(bt, ot)
			continue
		}
		out[k] = v
	}
	return out
}

// checkHardening refuses, under the baseline profile, every input that would relax it.
func checkHardening(p *problems, a NodeGroupArgs) {
	switch *a.Hardening {
	case HardeningNone:
		return
	case HardeningBaseline:
	default:
		p.addf("hardening (%q) must be none or baseline", *a.Hardening)
		return
	}
	refuse := func(relaxed bool, prop, why string) {
		if relaxed {
			p.addf("%s conflicts with hardening baseline: %s", prop, why)
		}
	}
	m := a.MetadataOptions
	refuse(*m.HttpTokens != HttpTokensRequired, "metadataOptions.httpTokens", "IMDSv2 tokens are required")
	refuse(*m.HttpPutResponseHopLimit != 1, "metadataOptions.httpPutResponseHopLimit", "the hop limit stays 1 so pods cannot reach the node's credentials")
	refuse(!*a.NodeRootVolumeEncrypted, "nodeRootVolumeEncrypted", "volumes are encrypted")
	refuse(*a.NodeAssociatePublicIpAddress, "nodeAssociatePublicIpAddress", "nodes get no public IP")
	refuse(a.KeyName != "", "keyName", "there is no SSH access; use Session Manager")
	if o := a.NodeSecurityGroupOptions; o != nil {
		refuse(len(o.SshSourceCidrs)+len(o.SshSourceSecurityGroupIds) > 0, "nodeSecurityGroupOptions.sshSourceCidrs", "there is no SSH access; use Session Manager")
	}
	if *a.OperatingSystem == Bottlerocket {
		for path, want := range map[string]any{"host-containers.admin.enabled": false, "kernel.lockdown": "integrity"} {
			if got, ok := lookupSetting(a.BottlerocketSettings, path); ok && !reflect.DeepEqual(got, want) {
				refuse(true, "bottlerocketSettings."+path, fmt.Sprintf("the profile sets it to %v", want))
			}
		}
	}
}

// lookupSetting finds a dotted path in nested settings tables.
func lookupSetting(settings map[string]any, path string) (any, bool) {
	var cur any = settings
	for _, key := range strings.Split(path, ".") {
		table, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = table[key]; !ok {
			return nil, false
		}
	}
	return cur, true
}
