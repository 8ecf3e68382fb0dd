package nodegroup

import (
	"fmt"
	"reflect"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
)

// bottlerocketBaseline are the Bottlerocket settings of the baseline hardening profile: no
// admin container (no root shell on the node; the control container still gives Session
// Manager access) and kernel lockdown in integrity mode, except on the NVIDIA variants: their
// lockdown default is none because the NVIDIA kernel modules do not load under lockdown
// (Bottlerocket settings reference, kernel.lockdown; bottlerocket-os/bottlerocket#4218).
func bottlerocketBaseline(v AMIVariant) map[string]any {
	out := map[string]any{"host-containers": map[string]any{"admin": map[string]any{"enabled": false}}}
	if !nvidiaVariant(v) {
		out["kernel"] = map[string]any{"lockdown": "integrity"}
	}
	return out
}

func nvidiaVariant(v AMIVariant) bool { return v == VariantNvidia || v == VariantNvidiaFips }

// packagesHardened reports whether the baseline profile's package-based steps run: on the
// EKS-optimized AL2023 AMI only (a custom AMI is expected to carry its own).
func packagesHardened(a NodeGroupArgs) bool {
	return *a.Hardening == HardeningBaseline && factsOf(*a.OperatingSystem).hardening.packages && !given(a.AmiId)
}

// bottlerocketSettings returns the user's Bottlerocket settings, merged over the baseline
// profile's when it applies (userdata.MergeSettings: the user's values win, tables merge).
func bottlerocketSettings(a NodeGroupArgs) (map[string]any, error) {
	if *a.Hardening != HardeningBaseline {
		return a.BottlerocketSettings, nil
	}
	return userdata.MergeSettings(bottlerocketBaseline(*a.AmiVariant), a.BottlerocketSettings)
}

// checkHardening refuses, under the baseline profile, every input that would relax it.
func checkHardening(p *problems, a NodeGroupArgs) {
	if !checkEnum(p, "hardening", *a.Hardening, []HardeningProfile{HardeningNone, HardeningBaseline}) || *a.Hardening == HardeningNone {
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
	refuse(given(a.KeyName), "keyName", "there is no SSH access; use Session Manager")
	if o := a.NodeSecurityGroupOptions; o != nil {
		refuse(len(o.SshSourceCidrs) > 0, "nodeSecurityGroupOptions.sshSourceCidrs", "there is no SSH access; use Session Manager")
		refuse(given(o.SshSourceSecurityGroupIds), "nodeSecurityGroupOptions.sshSourceSecurityGroupIds", "there is no SSH access; use Session Manager")
	}
	if o := a.NodeSecurityGroupOptions; o != nil {
		for i, r := range o.IngressRules {
			proto := normalizeProtocol(r.Protocol)
			from, to := valueOr(r.FromPort, 0), valueOr(r.ToPort, valueOr(r.FromPort, 0))
			if proto == "-1" || (proto == "tcp" && r.FromPort != nil && from <= portSSH && portSSH <= to) {
				refuse(true, fmt.Sprintf("nodeSecurityGroupOptions.ingressRules[%d]", i), fmt.Sprintf("it opens TCP 22 (%s) and there is no SSH access; narrow it, or use Session Manager", describeRule(r)))
			}
		}
	}
	if a.UserDataOverride != "" && (packagesHardened(a) || factsOf(*a.OperatingSystem).hardening.settings) {
		refuse(true, "userDataOverride", "the override replaces the user data that carries the profile's steps; drop the override, or carry the steps in it and use hardening none")
	}
	if factsOf(*a.OperatingSystem).hardening.settings {
		for _, s := range []struct {
			path string
			want any
		}{{"host-containers.admin.enabled", false}, {"kernel.lockdown", "integrity"}} {
			if s.path == "kernel.lockdown" && nvidiaVariant(*a.AmiVariant) {
				continue // checked for every profile in checkLockdown
			}
			if got, ok := lookupSetting(a.BottlerocketSettings, s.path); ok && !reflect.DeepEqual(got, s.want) {
				refuse(true, "bottlerocketSettings."+s.path, fmt.Sprintf("the profile sets it to %v", s.want))
			}
		}
	}
}

// checkLockdown refuses kernel lockdown on Bottlerocket's NVIDIA variants, whatever the profile:
// the NVIDIA kernel modules do not load under lockdown, so the GPUs would be unusable.
func checkLockdown(p *problems, a NodeGroupArgs) {
	if !factsOf(*a.OperatingSystem).hardening.settings || !nvidiaVariant(*a.AmiVariant) {
		return
	}
	if got, ok := lookupSetting(a.BottlerocketSettings, "kernel.lockdown"); ok && got != "none" {
		p.addf("bottlerocketSettings.kernel.lockdown (%v): the NVIDIA kernel modules of the %s variant do not load under kernel lockdown; leave it unset (none)", got, *a.AmiVariant)
	}
}

// hardeningWarnings says what the baseline profile cannot do for the user: with an existing
// instance profile, the Session Manager policy is theirs to attach. These are shown in the
// preview as warnings on the component.
func hardeningWarnings(a NodeGroupArgs) []string {
	if *a.Hardening != HardeningBaseline || !given(a.InstanceProfileArn) {
		return nil
	}
	return []string{"hardening baseline: eksnodes attaches " + SSMPolicy + " only to a node role it creates; " +
		"attach it to the role of instanceProfileArn yourself, or Session Manager cannot reach the nodes (there is no SSH under baseline)"}
}
