package nodegroup

import (
	"fmt"
	"math"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The vocabulary of checks every component shares. Each check takes the property path as the
// user of any language sees it (camelCase, as in the schema) and adds at most one problem.

var (
	clusterNameRe  = lazyRegexp(`^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$`)
	k8sVersionRe   = regexp.MustCompile(`^1\.(0|[1-9][0-9]?)$`)
	amiIDRe        = regexp.MustCompile(`^ami-([0-9a-f]{8}|[0-9a-f]{17})$`)
	sgIDRe         = regexp.MustCompile(`^sg-([0-9a-f]{8}|[0-9a-f]{17})$`)
	subnetIDRe     = regexp.MustCompile(`^subnet-([0-9a-f]{8}|[0-9a-f]{17})$`)
	vpcIDRe        = regexp.MustCompile(`^vpc-([0-9a-f]{8}|[0-9a-f]{17})$`)
	prefixListRe   = regexp.MustCompile(`^pl-([0-9a-f]{8}|[0-9a-f]{17})$`)
	accountRe      = regexp.MustCompile(`^[0-9]{12}$`)
	regionRe       = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	iamNameRe      = regexp.MustCompile(`^[\w+=,.@-]+$`)
	keyPairNameRe  = regexp.MustCompile(`^[\x20-\x7e]+$`)
	sgDescriptonRe = regexp.MustCompile(`^[a-zA-Z0-9. _\-:/()#,@\[\]+=&;{}!$*]*$`)
	kmsKeyIDRe     = regexp.MustCompile(`^(mrk-)?[0-9a-f]{8}(-?[0-9a-f]{4}){3}-?[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$`)
	kmsAliasRe     = lazyRegexp(`^[a-zA-Z0-9/_-]{1,250}$`)
	queueOrTopicRe = lazyRegexp(`^[A-Za-z0-9_-]{1,80}(\.fifo)?$`)
	partitions     = map[string]bool{"aws": true, "aws-cn": true, "aws-us-gov": true, "aws-iso": true,
		"aws-iso-b": true, "aws-iso-e": true, "aws-iso-f": true, "aws-eusc": true}
)

// maxInt32 bounds every count, size and duration AWS takes as a 32-bit integer.
const maxInt32 = math.MaxInt32

// checkRange refuses an integer outside [lo, hi].
func checkRange(p *problems, prop string, v, lo, hi int, unit string) {
	if v < lo || v > hi {
		if unit != "" {
			unit = " " + unit
		}
		switch {
		case hi == maxInt32 && v < lo:
			p.addf("%s (%d) must be at least %d%s", prop, v, lo, unit)
		case hi == maxInt32:
			p.addf("%s (%d) must be at most %d%s (a 32-bit integer)", prop, v, hi, unit)
		default:
			p.addf("%s (%d) must be between %d and %d%s", prop, v, lo, hi, unit)
		}
	}
}

// checkIntPtr is checkRange for an optional integer.
func checkIntPtr(p *problems, prop string, v *int, lo, hi int, unit string) {
	if v != nil {
		checkRange(p, prop, *v, lo, hi, unit)
	}
}

// checkID returns a check for an AWS resource ID of the given shape.
func checkID(re *regexp.Regexp, what, example string) stringCheck {
	return func(p *problems, prop, s string) {
		if !re.MatchString(s) {
			p.addf("%s (%q) must be %s such as %s", prop, s, what, example)
		}
	}
}

var (
	checkSubnetID = checkID(subnetIDRe, "a subnet ID", "subnet-0123456789abcdef0")
	checkSGID     = checkID(sgIDRe, "a security group ID", "sg-0123456789abcdef0")
	checkVPCID    = checkID(vpcIDRe, "a VPC ID", "vpc-0123456789abcdef0")
	checkAMIID    = checkID(amiIDRe, "an AMI ID", "ami-0123456789abcdef0")
	checkPrefixID = checkID(prefixListRe, "a prefix list ID", "pl-0123456789abcdef0")
)

// parseCIDR parses s as a CIDR in canonical form and says why it is not one. IPv4-mapped IPv6
// text (::ffff:10.0.0.0/104) is neither an IPv4 nor a usable IPv6 CIDR.
func parseCIDR(s string) (netip.Prefix, string) {
	pfx, err := netip.ParsePrefix(s)
	switch {
	case err != nil:
		return pfx, "is not a CIDR"
	case pfx.Addr().Is4In6():
		return pfx, "is IPv4-mapped IPv6 text; write the IPv4 CIDR itself"
	case pfx.Masked() != pfx:
		return pfx, "must name its network address: " + pfx.Masked().String()
	}
	return pfx, ""
}

// checkCIDR4 refuses anything but an IPv4 CIDR in canonical form.
func checkCIDR4(p *problems, prop, s string) {
	pfx, why := parseCIDR(s)
	switch {
	case why == "is not a CIDR" || (why == "" && !pfx.Addr().Is4()):
		p.addf("%s (%q) must be an IPv4 CIDR such as 10.0.0.0/16", prop, s)
	case why != "":
		p.addf("%s (%q) %s", prop, s, why)
	}
}

// checkCIDR6 refuses anything but an IPv6 CIDR in canonical form.
func checkCIDR6(p *problems, prop, s string) {
	pfx, why := parseCIDR(s)
	switch {
	case why == "is not a CIDR" || (why == "" && !pfx.Addr().Is6()):
		p.addf("%s (%q) must be an IPv6 CIDR such as 2001:db8::/32", prop, s)
	case why != "":
		p.addf("%s (%q) %s", prop, s, why)
	}
}

// privateRanges are the address ranges that are never the internet: RFC 1918, shared address
// space (RFC 6598), and IPv6 unique local addresses.
var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("fc00::/7"),
}

// isWideOpen reports whether a CIDR admits a large part of the internet: it is wider than a /8
// (IPv4) or a /16 (IPv6) and not inside a private range. 0.0.0.0/0, ::/0, 0.0.0.0/1 and
// 2000::/3 all are.
func isWideOpen(s string) bool {
	pfx, why := parseCIDR(s)
	if why != "" {
		return false // refused as malformed already
	}
	for _, r := range privateRanges {
		if r.Bits() <= pfx.Bits() && r.Contains(pfx.Addr()) {
			return false
		}
	}
	if pfx.Addr().Is4() {
		return pfx.Bits() < 8
	}
	return pfx.Bits() < 16
}

// checkServiceCIDR applies EKS's rules for a cluster's service CIDR. IPv4: within 10.0.0.0/8,
// 172.16.0.0/12 or 192.168.0.0/16, and between /12 and /24. IPv6: a /108 within the unique local
// range fc00::/7, as EKS assigns it.
func checkServiceCIDR(family IpFamily) stringCheck {
	return func(p *problems, prop, s string) {
		var sub problems
		if family == IPv6 {
			checkCIDR6(&sub, prop, s)
		} else {
			checkCIDR4(&sub, prop, s)
		}
		if len(sub) > 0 {
			if pfx, err := netip.ParsePrefix(s); err == nil && !pfx.Addr().Is4In6() && pfx.Addr().Is6() != (family == IPv6) {
				p.addf("%s (%q) is an %s CIDR, but cluster.ipFamily is %s", prop, s, map[bool]string{true: "IPv6", false: "IPv4"}[pfx.Addr().Is6()], family)
				return
			}
			*p = append(*p, sub...)
			return
		}
		pfx := netip.MustParsePrefix(s)
		if family == IPv6 {
			if pfx.Bits() != 108 || !privateRanges[4].Contains(pfx.Addr()) {
				p.addf("%s (%q) must be the /108 within fc00::/7 that EKS assigns to an IPv6 cluster's services (kubernetesNetworkConfig.serviceIpv6Cidr)", prop, s)
			}
			return
		}
		inside := false
		for _, r := range privateRanges[:3] {
			inside = inside || (r.Bits() <= pfx.Bits() && r.Contains(pfx.Addr()))
		}
		switch {
		case pfx.Bits() < 12 || pfx.Bits() > 24:
			p.addf("%s (%q) must be between /12 and /24, as EKS requires of a service CIDR", prop, s)
		case !inside:
			p.addf("%s (%q) must lie within 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, as EKS requires of a service CIDR", prop, s)
		}
	}
}

// checkHTTPSURL refuses anything but an https URL with a host and nothing after it but an
// optional port and path.
func checkHTTPSURL(p *problems, prop, s string) {
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Scheme != "https" || u.Opaque != "":
		p.addf("%s (%q) must be an https:// URL such as https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com", prop, s)
	case u.Hostname() == "" || strings.ContainsAny(u.Hostname(), " \t\r\n"):
		p.addf("%s (%q) must name a host", prop, s)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.Contains(s, "#") || strings.Contains(s, "?"):
		p.addf("%s (%q) must be a plain https://host URL without user, query or fragment", prop, s)
	case u.Port() != "" && !validPort(u.Port()):
		p.addf("%s (%q) has an invalid port", prop, s)
	}
}

func validPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 65535 && strconv.Itoa(n) == s
}

// checkK8sVersion refuses anything but a canonical Kubernetes minor version (1.33, not 1.033).
func checkK8sVersion(p *problems, prop, s string) {
	if !k8sVersionRe.MatchString(s) {
		p.addf("%s (%q) must be a Kubernetes minor version such as 1.33", prop, s)
	}
}

func checkClusterName(p *problems, prop, name string) {
	if !clusterNameRe.MatchString(name) {
		p.addf("%s (%q) must be 1-100 letters, digits, hyphens and underscores, starting with a letter or digit", prop, name)
	}
}

// arnCheck describes the ARNs one property accepts.
type arnCheck struct {
	what     string   // e.g. "an IAM role ARN"
	example  string   // a valid example
	services []string // accepted services
	// resource validates the resource part for the service; empty means any.
	resource func(service, resource string) bool
	global   bool // the ARN has no region (IAM)
}

// check returns the stringCheck for the ARNs a accepts.
func (a arnCheck) check() stringCheck {
	return func(p *problems, prop, s string) {
		parsed, err := arn.Parse(s)
		ok := err == nil && partitions[parsed.Partition]
		if ok {
			okService := false
			for _, svc := range a.services {
				okService = okService || parsed.Service == svc
			}
			ok = okService && (a.global == (parsed.Region == "")) &&
				(a.global || (regionRe.MatchString(parsed.Region) && partitionOfRegion(parsed.Region) == parsed.Partition)) &&
				(a.resource == nil || a.resource(parsed.Service, parsed.Resource))
			if ok && !(parsed.Service == "iam" && parsed.AccountID == "aws") {
				ok = accountRe.MatchString(parsed.AccountID)
			}
		}
		if !ok {
			p.addf("%s (%q) must be %s such as %s", prop, s, a.what, a.example)
		}
	}
}

// regionPartitions maps region name prefixes to the partition they belong to; every other
// region is in aws.
var regionPartitions = []struct{ prefix, partition string }{
	{"cn-", "aws-cn"}, {"us-gov-", "aws-us-gov"}, {"us-isob-", "aws-iso-b"}, {"us-isof-", "aws-iso-f"},
	{"eu-isoe-", "aws-iso-e"}, {"us-iso-", "aws-iso"}, {"eusc-", "aws-eusc"},
}

func partitionOfRegion(region string) string {
	for _, r := range regionPartitions {
		if strings.HasPrefix(region, r.prefix) {
			return r.partition
		}
	}
	return "aws"
}

// arnPartition returns the partition of an ARN, or "" when s is not one.
func arnPartition(s string) string {
	parsed, err := arn.Parse(s)
	if err != nil {
		return ""
	}
	return parsed.Partition
}

// inPartition returns an ARN input checked, once the provider's partition is known, to be in
// that partition: an ARN of another partition can never be used by the stack's resources.
func inPartition(token, name, prop string, in pulumi.StringInput, partition pulumi.StringOutput) pulumi.StringInput {
	if !given(in) || classify(in) == inputBroken {
		return in
	}
	return pulumi.All(partition, in).ApplyT(func(v []any) (string, error) {
		want, value := str(v[0]), str(v[1])
		var p problems
		if got := arnPartition(value); got != "" && want != "" && got != want {
			p.addf("%s (%q) is an ARN in partition %s, but the stack's AWS provider is in %s", prop, value, got, want)
		}
		return value, p.err(token, name)
	}).(pulumi.StringOutput)
}

// checkPartitions refuses ARNs of more than one partition among the known values of fields:
// one stack's resources live in one partition. The first ARN sets the partition.
func checkPartitions(p *problems, fields []stringField) {
	first, firstProp := "", ""
	for _, f := range fields {
		s, ok := plainString(*f.in)
		part := arnPartition(s)
		switch {
		case !ok || part == "":
		case first == "":
			first, firstProp = part, f.prop
		case part != first:
			p.addf("%s (%q) is an ARN in partition %s, but %s is in %s: one stack deploys to one partition", f.prop, s, part, firstProp, first)
		}
	}
}

// iamResource accepts "<kind>/[path/]name" with a valid IAM path and name of at most max characters.
func iamResource(kind string, max int) func(string, string) bool {
	return func(_, r string) bool {
		rest, ok := strings.CutPrefix(r, kind+"/")
		if !ok {
			return false
		}
		i := strings.LastIndex(rest, "/")
		name, path := rest[i+1:], "/"+rest[:i+1]
		return len(name) <= max && iamNameRe.MatchString(name) && (path == "/" || iamPathProblem(path) == "")
	}
}

var (
	checkRoleArn = arnCheck{what: "an IAM role ARN", example: "arn:aws:iam::111122223333:role/nodes",
		services: []string{"iam"}, global: true, resource: iamResource("role", 64)}.check()
	checkProfileArn = arnCheck{what: "an IAM instance profile ARN", example: "arn:aws:iam::111122223333:instance-profile/nodes",
		services: []string{"iam"}, global: true, resource: iamResource("instance-profile", 128)}.check()
	checkPolicyArn = arnCheck{what: "an IAM policy ARN", example: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
		services: []string{"iam"}, global: true, resource: iamResource("policy", 128)}.check()
	checkKMSKeyArn = arnCheck{what: "a KMS key or alias ARN", example: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		services: []string{"kms"}, resource: func(_, r string) bool {
			k, ok := strings.CutPrefix(r, "key/")
			if ok {
				return kmsKeyIDRe.MatchString(k)
			}
			a, ok := strings.CutPrefix(r, "alias/")
			return ok && a != "" && !strings.HasPrefix(a, "aws/") && kmsAliasRe.MatchString(a)
		}}.check()
	checkQueueOrTopicArn = arnCheck{what: "an SQS queue or SNS topic ARN", example: "arn:aws:sqs:us-east-1:111122223333:node-termination",
		services: []string{"sqs", "sns"}, resource: func(_, r string) bool {
			return queueOrTopicRe.MatchString(r)
		}}.check()
)

// iamPathProblem says why s is not an IAM path, or returns "".
func iamPathProblem(s string) string {
	switch {
	case len(s) > 512:
		return "must be at most 512 characters"
	case s == "/":
		return ""
	case !strings.HasPrefix(s, "/") || !strings.HasSuffix(s, "/"):
		return "must start and end with /"
	case strings.Contains(s, "//"):
		return "must not hold an empty segment (//)"
	}
	for _, r := range s {
		if r < 0x21 || r > 0x7e {
			return fmt.Sprintf("holds %q; IAM paths use printable ASCII without spaces", r)
		}
	}
	return ""
}

func checkIAMPath(p *problems, prop, s string) {
	if why := iamPathProblem(s); why != "" {
		p.addf("%s (%q) %s", prop, s, why)
	}
}

// portRange prints a rule's port range the way AWS shows it: -1, 22 or 1025-65535.
func portRange(from, to int) string {
	if from == to {
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d-%d", from, to)
}

// checkEnumList checks every value of a list (unless allowed is nil) and refuses repeats.
func checkEnumList[T ~string](p *problems, prop string, values []T, allowed []T) {
	names := make([]string, len(values))
	for i, v := range values {
		if allowed != nil {
			checkEnum(p, fmt.Sprintf("%s[%d]", prop, i), v, allowed)
		}
		names[i] = string(v)
	}
	checkDuplicates(p, prop, names)
}

// checkDuplicates refuses a list that holds a value twice.
func checkDuplicates(p *problems, prop string, items []string) {
	seen := map[string]bool{}
	for _, s := range items {
		if seen[s] {
			p.addf("%s lists %q more than once", prop, s)
		}
		seen[s] = true
	}
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// checkBlank refuses a plain string option that was given but holds only white space: such a
// value is never what the user meant, and "" already means "not set".
func checkBlank(p *problems, prop, s string) bool {
	if s != "" && isBlank(s) {
		p.addf("%s is blank (white space only): give a value or leave it unset", prop)
		return true
	}
	return false
}

// checkOneOf refuses a value outside the allowed ones; "" means not set.
func checkOneOf(p *problems, prop, v string, allowed ...string) {
	if v == "" {
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	p.addf("%s (%q) must be one of: %s", prop, v, strings.Join(allowed, ", "))
}

// checkEnum refuses a value of an enum type outside its values.
func checkEnum[T ~string](p *problems, prop string, v T, allowed []T) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	p.addf("%s (%q) must be one of: %s", prop, string(v), strings.Join(names, ", "))
	return false
}
