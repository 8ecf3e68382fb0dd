package nodegroup

import (
	"encoding/base64"
	"fmt"
	"maps"
	"net"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ValidationError lists every problem found in a component's inputs. Each problem names the
// property as a TypeScript or Python user spells it.
type ValidationError struct {
	Token    string
	Name     string
	Problems []string
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q: %d invalid input", e.Token, e.Name, len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteString("s")
	}
	b.WriteString(":")
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p)
	}
	return b.String()
}

// problems collects validation failures.
type problems []string

func (p *problems) addf(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

func (p problems) err(token, name string) error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Token: token, Name: name, Problems: p}
}

// knownString returns the value of a plain string input. Outputs are not known before deploy
// time; they are checked again when their values arrive.
func knownString(in pulumi.StringInput) (string, bool) {
	switch v := in.(type) {
	case pulumi.String:
		return string(v), true
	case *pulumi.String:
		if v != nil {
			return string(*v), true
		}
	}
	return "", false
}

// knownStrings returns the elements of a plain string array input whose elements are all plain.
func knownStrings(in pulumi.StringArrayInput) ([]string, bool) {
	arr, ok := in.(pulumi.StringArray)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := knownString(e)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func isNilInput(in any) bool {
	if in == nil {
		return true
	}
	if s, ok := in.(*pulumi.String); ok && s == nil {
		return true
	}
	return false
}

var (
	clusterNameRe   = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$`)
	k8sVersionRe    = regexp.MustCompile(`^1\.[0-9]{2}$`)
	amiIDRe         = regexp.MustCompile(`^ami-([0-9a-f]{8}|[0-9a-f]{17})$`)
	sgIDRe          = regexp.MustCompile(`^sg-([0-9a-f]{8}|[0-9a-f]{17})$`)
	subnetIDRe      = regexp.MustCompile(`^subnet-([0-9a-f]{8}|[0-9a-f]{17})$`)
	vpcIDRe         = regexp.MustCompile(`^vpc-([0-9a-f]{8}|[0-9a-f]{17})$`)
	prefixListRe    = regexp.MustCompile(`^pl-[0-9a-f]{8,17}$`)
	arnPrefix       = `^arn:aws(-cn|-us-gov|-iso|-iso-[a-z]|-eusc)?:`
	policyArnRe     = regexp.MustCompile(arnPrefix + `iam::(aws|[0-9]{12}):policy/([\x21-\x7e]+/)?[\w+=,.@-]{1,128}$`)
	roleArnRe       = regexp.MustCompile(arnPrefix + `iam::[0-9]{12}:role/([\x21-\x7e]+/)?[\w+=,.@-]{1,64}$`)
	profileArnRe    = regexp.MustCompile(arnPrefix + `iam::[0-9]{12}:instance-profile/([\x21-\x7e]+/)?[\w+=,.@-]{1,128}$`)
	kmsKeyRe        = regexp.MustCompile(arnPrefix + `kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+$`)
	iamPathRe       = regexp.MustCompile(`^/([\x21-\x7e]*/)?$`)
	sgDescriptionRe = regexp.MustCompile(`^[a-zA-Z0-9. _\-:/()#,@\[\]+=&;{}!$*]*$`)
	instanceTypeRe  = regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z0-9-]+$`)
)

// checkCIDR4 reports a problem unless s is an IPv4 CIDR in canonical form (its network address).
func checkCIDR4(p *problems, prop, s string) {
	ip, n, err := net.ParseCIDR(s)
	switch {
	case err != nil || ip.To4() == nil:
		p.addf("%s (%q) must be an IPv4 CIDR such as 10.0.0.0/16", prop, s)
	case !ip.Equal(n.IP):
		p.addf("%s (%q) must name its network address: %s", prop, s, n.String())
	}
}

func checkCIDR6(p *problems, prop, s string) {
	ip, n, err := net.ParseCIDR(s)
	switch {
	case err != nil || ip.To4() != nil:
		p.addf("%s (%q) must be an IPv6 CIDR such as 2001:db8::/32", prop, s)
	case !ip.Equal(n.IP):
		p.addf("%s (%q) must name its network address: %s", prop, s, n.String())
	}
}

// checkClusterFacts validates the cluster facts whose values are known. It runs before any
// resource is registered for plain values, and again inside the user data rendering for
// values that arrive as outputs.
func checkClusterFacts(p *problems, prefix string, name, endpoint, ca, cidr *string) {
	if name != nil {
		checkClusterName(p, prefix+"name", *name)
	}
	if endpoint != nil && (!strings.HasPrefix(*endpoint, "https://") || len(*endpoint) <= len("https://")) {
		p.addf("%sendpoint (%q) must be an https:// URL", prefix, *endpoint)
	}
	if ca != nil {
		pem, err := base64.StdEncoding.DecodeString(*ca)
		if err != nil || !strings.Contains(string(pem), "-----BEGIN CERTIFICATE-----") {
			p.addf("%scertificateAuthority must be the base64-encoded PEM certificate bundle EKS returns (certificateAuthority.data)", prefix)
		}
	}
	if cidr != nil {
		checkCIDR4(p, prefix+"serviceCidr", *cidr)
	}
}

func checkClusterName(p *problems, prop, name string) {
	if !clusterNameRe.MatchString(name) {
		p.addf("%s (%q) must be 1-100 letters, digits, hyphens and underscores, starting with a letter or digit", prop, name)
	}
}

// checkTags validates user tags against AWS's limits and eksnodes's reserved keys.
func checkTags(p *problems, prop string, tags map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		switch {
		case k == "" || len(k) > 128:
			p.addf("%s key %q must be 1-128 characters", prop, k)
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			p.addf("%s key %q: the aws: prefix is reserved by AWS", prop, k)
		case strings.HasPrefix(k, clusterTagPrefix), strings.HasPrefix(k, autoscalerTagPrefix):
			p.addf("%s key %q is managed by eksnodes", prop, k)
		}
		if len(tags[k]) > 256 {
			p.addf("%s[%q] value must be at most 256 characters", prop, k)
		}
	}
	if len(tags) > 40 {
		p.addf("%s has %d entries; at most 40 leave room for the tags eksnodes adds within AWS's limit of 50", prop, len(tags))
	}
}

func checkDuplicates(p *problems, prop string, items []string) {
	seen := map[string]bool{}
	for _, s := range items {
		if seen[s] {
			p.addf("%s lists %q more than once", prop, s)
		}
		seen[s] = true
	}
}
