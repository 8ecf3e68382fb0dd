package userdata

import (
	"fmt"
	"strings"
)

// Format is the kind of user data a node's operating system reads.
type Format string

const (
	// FormatNodeadm is Amazon Linux 2023's: a MIME multi-part document holding the pre scripts,
	// nodeadm's NodeConfig (YAML), then the post scripts.
	FormatNodeadm Format = "nodeadm"
	// FormatBottlerocket is Bottlerocket's: a TOML document of settings, and nothing to run.
	FormatBottlerocket Format = "bottlerocket"
	// FormatWindows is the EKS-optimized Windows AMIs': one <powershell> block that runs the pre
	// script, Start-EKSBootstrap.ps1, then the post script.
	FormatWindows Format = "windows"
	// FormatAL2 is the legacy Amazon Linux 2 AMIs': one bash script that runs the pre script,
	// /etc/eks/bootstrap.sh, then the post script.
	FormatAL2 Format = "al2"
)

// Input is everything Render needs to write a node's user data. Which fields a format takes is
// stated on each field; a field the format cannot take must be left empty, or Render refuses
// the input (it never drops what it was given).
type Input struct {
	// Format is the kind of user data to render. Required.
	Format Format
	// Cluster is the cluster the node joins: its name, API server endpoint, certificate
	// authority and service CIDR. Every format.
	Cluster Cluster
	// Labels are the Kubernetes labels the node registers with. Every format: the kubelet flag
	// --node-labels (sorted by key) for nodeadm, Windows and AL2; settings.kubernetes.node-labels
	// for Bottlerocket.
	Labels map[string]string
	// Taints are the taints the node registers with. Every format: the kubelet flag
	// --register-with-taints (key=value:Effect, sorted by key then effect) for nodeadm, Windows
	// and AL2; settings.kubernetes.node-taints for Bottlerocket ("value:Effect", or a list of
	// them, sorted by effect then value, when several taints share a key).
	Taints []Taint
	// KubeletFlags are extra kubelet flags, each "--name=value" or "--name", placed after the
	// labels and taints flags in the order given. nodeadm, Windows and AL2; not Bottlerocket,
	// which has no kubelet command line (its kubelet settings go in Settings["kubernetes"]).
	// The flags reach the kubelet as one space-separated command line, so no flag, label or
	// taint may hold white space (nor, for nodeadm, a control character; nor, for Windows, a
	// double quote).
	KubeletFlags []string
	// KubeletConfig is a KubeletConfiguration fragment that nodeadm merges over its own
	// (NodeConfig spec.kubelet.config). nodeadm only: Windows and AL2 take kubelet settings as
	// KubeletFlags, Bottlerocket in Settings["kubernetes"].
	KubeletConfig map[string]any
	// PreScripts run before the bootstrap, in order. nodeadm takes any number (each its own
	// MIME part, run by cloud-init); Windows and AL2 at most one; Bottlerocket none (it runs no
	// user data scripts: use bootstrap containers in Settings).
	//
	// nodeadm and AL2 deliver each script as Script describes: run by the interpreter its
	// shebang names, or by bash when it has none. AL2 leaves out a script with nothing but
	// white space after its shebang line. Windows places the script, PowerShell, verbatim at the
	// start of the <powershell> block, in the block's scope (its variables are visible to the
	// post script, and it can stop the user data); a blank one is left out.
	PreScripts []string
	// PostScripts run after the bootstrap, in order, with the same rules as PreScripts. Windows
	// places its post script at the end of the <powershell> block, run after a successful
	// bootstrap.
	PostScripts []string
	// Settings are Bottlerocket settings, relative to the top-level "settings" table (e.g.
	// {"kubernetes": {"max-pods": 58}, "host-containers": {"admin": {"enabled": true}}}), merged
	// over the settings rendered from Cluster, Labels and Taints as MergeSettings describes: the
	// user's values win, tables merge key by key. Bottlerocket only.
	//
	// Tables are maps with string keys (of any value type); arrays are slices or arrays. A nil
	// map or slice is an empty table or array. time.Time and values with a MarshalTOML or
	// MarshalText method are encoded by the toml package. Nil values and other Go structs are
	// refused: TOML has no null, and a struct is not a table that can be merged key by key.
	Settings map[string]any
	// MaxPods is the most pods the kubelet runs; 0 leaves the AMI's default. Every format, each
	// in its own form (KubeletOptions describes them): nodeadm's KubeletConfig maxPods,
	// Bottlerocket's settings.kubernetes.max-pods, the --max-pods flag on Windows, and on AL2
	// --use-max-pods false with --max-pods. Refused with the same setting in KubeletConfig,
	// KubeletFlags or Settings.
	MaxPods int
	// KubeReserved are the resources reserved for the kubelet and the container runtime (cpu,
	// memory, ephemeral-storage: Kubernetes quantities). Every format: nodeadm's KubeletConfig
	// kubeReserved, Bottlerocket's settings.kubernetes.kube-reserved, the --kube-reserved flag
	// on Windows and AL2. Refused with the same setting in KubeletConfig, KubeletFlags or
	// Settings.
	KubeReserved map[string]string
	// KubeletFeatureGates are kubelet feature gates merged into KubeletConfig's featureGates; a
	// gate in both is refused. nodeadm only.
	KubeletFeatureGates map[string]bool
	// Containerd are NodeConfig spec.containerd options. nodeadm only.
	Containerd *ContainerdOptions
	// LocalStorage is NodeConfig spec.instance.localStorage. nodeadm only.
	LocalStorage *LocalStorageOptions
}

// Render returns the user data of in, in its Format. It refuses, with an error and never a
// panic, a field the format cannot take and every value the format cannot carry safely (each
// format's renderer documents its refusals).
//
// The size of the result is not checked against MaxBytes; that is the caller's concern.
func Render(in Input) (string, error) {
	f, ok := formats[in.Format]
	if !ok {
		return "", fmt.Errorf("unknown user data format %q", in.Format)
	}
	if err := f.check(in); err != nil {
		return "", err
	}
	in, err := lowerKubeletOptions(f, in)
	if err != nil {
		return "", err
	}
	return f.render(in)
}

// anyNumber is formatRules.scripts for a format that takes any number of scripts.
const anyNumber = -1

// formatRules is what a format takes besides the cluster, labels and taints, which all take.
type formatRules struct {
	name          string // as messages spell it
	kubeletFlags  bool
	kubeletConfig bool
	nodeConfig    bool // the NodeConfig options: containerd, instance
	settings      bool
	scripts       int // the most scripts on each side of the bootstrap, or anyNumber
	render        func(Input) (string, error)
}

var formats = map[Format]formatRules{
	FormatNodeadm:      {name: "AL2023 (nodeadm)", kubeletFlags: true, kubeletConfig: true, nodeConfig: true, scripts: anyNumber, render: renderNodeadm},
	FormatBottlerocket: {name: "Bottlerocket", settings: true, render: renderBottlerocket},
	FormatWindows:      {name: "Windows", kubeletFlags: true, scripts: 1, render: renderWindows},
	FormatAL2:          {name: "AL2", kubeletFlags: true, scripts: 1, render: renderAL2},
}

// check refuses the fields of in that the format cannot take, all of them at once.
func (f formatRules) check(in Input) error {
	var bad []string
	refuse := func(set bool, field, why string) {
		if set {
			bad = append(bad, field+": "+why)
		}
	}
	refuse(!f.kubeletFlags && len(in.KubeletFlags) > 0, "KubeletFlags",
		"there is no kubelet command line; set kubelet settings under Settings[\"kubernetes\"]")
	refuse(!f.kubeletConfig && len(in.KubeletConfig) > 0, "KubeletConfig",
		"only nodeadm's NodeConfig carries a KubeletConfiguration; use KubeletFlags (Settings[\"kubernetes\"] on Bottlerocket)")
	refuse(!f.settings && len(in.Settings) > 0, "Settings", "only Bottlerocket takes settings")
	refuse(!f.kubeletConfig && len(in.KubeletFeatureGates) > 0, "KubeletFeatureGates",
		"only nodeadm's NodeConfig carries a KubeletConfiguration")
	refuse(!f.nodeConfig && in.Containerd != nil, "Containerd", "only nodeadm's NodeConfig carries containerd options")
	refuse(!f.nodeConfig && in.LocalStorage != nil, "LocalStorage", "only nodeadm's NodeConfig carries local storage options")
	refuse(in.MaxPods < 0, "MaxPods", "it must be positive (0 leaves the AMI's default)")
	for _, s := range []struct {
		field   string
		scripts []string
	}{{"PreScripts", in.PreScripts}, {"PostScripts", in.PostScripts}} {
		switch {
		case f.scripts == 0:
			refuse(len(s.scripts) > 0, s.field, "it runs no user data scripts; use bootstrap containers in Settings")
		case f.scripts != anyNumber:
			refuse(len(s.scripts) > f.scripts, s.field, fmt.Sprintf("%d scripts given, it takes at most %d; join them", len(s.scripts), f.scripts))
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return fmt.Errorf("the %s user data cannot take %s", f.name, strings.Join(bad, "; "))
}

// singleScript returns the one script of scripts, or "" when there is none; check has made sure
// there is at most one.
func singleScript(scripts []string) string {
	if len(scripts) == 0 {
		return ""
	}
	return scripts[0]
}
