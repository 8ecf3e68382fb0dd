package pluginlatency

// The measured workload: one NodeGroup named "workers" in a preview of stack "dev" of project
// "bench", and the registrations it must produce.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"google.golang.org/protobuf/types/known/structpb"
)

// What the engine would pass in the ConstructRequest.
const (
	Project       = "bench"
	Stack         = "dev"
	Organization  = "organization"
	Parallel      = 16
	ComponentType = "eksnodes:index:NodeGroup"
	ComponentName = "workers"
)

// stackURN is the URN of the program's stack resource, the parent the engine names in the
// ConstructRequest of a component declared at the top of a program.
var stackURN = resource.NewURN(Stack, Project, "", "pulumi:pulumi:Stack", Project+"-"+Stack)

// nodeGroupInputs are the NodeGroup's inputs, as a program in any language sends them.
func nodeGroupInputs() resource.PropertyMap {
	str := resource.NewStringProperty
	return resource.PropertyMap{
		"cluster": resource.NewObjectProperty(resource.PropertyMap{
			"name":                 str("demo"),
			"endpoint":             str("https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
			"certificateAuthority": str("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="),
			"serviceCidr":          str("172.20.0.0/16"),
			"version":              str("1.33"),
			"securityGroupId":      str("sg-0123456789abcdef0"),
			"vpcId":                str("vpc-0123456789abcdef0"),
		}),
		"subnetIds": resource.NewArrayProperty([]resource.PropertyValue{str("subnet-0123456789abcdef0")}),
		"labels":    resource.NewObjectProperty(resource.PropertyMap{"team": str("platform")}),
	}
}

// marshaledInputs marshals the inputs with the options the engine uses for Construct.
func marshaledInputs() (*structpb.Struct, error) {
	return plugin.MarshalProperties(nodeGroupInputs(), plugin.MarshalOptions{
		KeepUnknowns: true, KeepSecrets: true, KeepResources: true, KeepOutputValues: true, PropagateNil: true,
	})
}

// ExpectedRegistrations are the "type name" keys, sorted, of everything a NodeGroup "workers"
// with its own node role and default security group registers: 3 components and 13 AWS
// resources.
var ExpectedRegistrations = []string{
	"aws:autoscaling/group:Group workers",
	"aws:ec2/launchTemplate:LaunchTemplate workers",
	"aws:ec2/securityGroup:SecurityGroup workers-sg",
	"aws:eks/accessEntry:AccessEntry workers-role",
	"aws:iam/instanceProfile:InstanceProfile workers-role",
	"aws:iam/role:Role workers-role",
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment workers-role-AmazonEC2ContainerRegistryReadOnly",
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment workers-role-AmazonEKSWorkerNodePolicy",
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment workers-role-AmazonEKS_CNI_Policy",
	"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule workers-sg-egress-all",
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule workers-sg-cluster-ingress-all",
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule workers-sg-ingress-cluster-all",
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule workers-sg-ingress-self-all",
	"eksnodes:index:NodeGroup workers",
	"eksnodes:index:NodeRole workers-role",
	"eksnodes:index:NodeSecurityGroup workers-sg",
}

// ExpectedInvokes are the functions the NodeGroup calls, sorted.
var ExpectedInvokes = []string{tokGetPartition, tokGetParameter}

// checkRegistrations compares what the monitor saw with ExpectedRegistrations and describes
// every difference. It also checks the parent chain: the NodeGroup under the stack, and every
// other registration under a registered component.
func checkRegistrations(regs []Registration) error {
	got := make([]string, len(regs))
	components := map[string]bool{}
	for i, r := range regs {
		got[i] = r.Key()
		if !r.Custom {
			components[r.URN] = true
		}
	}
	sort.Strings(got)
	var problems []string
	if missing := minus(ExpectedRegistrations, got); len(missing) > 0 {
		problems = append(problems, "missing: "+strings.Join(missing, ", "))
	}
	if extra := minus(got, ExpectedRegistrations); len(extra) > 0 {
		problems = append(problems, "unexpected: "+strings.Join(extra, ", "))
	}
	for _, r := range regs {
		switch {
		case r.Type == ComponentType && r.Name == ComponentName:
			if r.Parent != string(stackURN) {
				problems = append(problems, fmt.Sprintf("%s has parent %q, want the stack", r.Key(), r.Parent))
			}
		case !components[r.Parent]:
			problems = append(problems, fmt.Sprintf("%s has parent %q, which is no registered component", r.Key(), r.Parent))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("the Construct registered %d resources, want %d: %s", len(got), len(ExpectedRegistrations), strings.Join(problems, "; "))
	}
	return nil
}

// minus returns the elements of a (sorted) not in b, keeping duplicates of a beyond b's count.
func minus(a, b []string) []string {
	left := map[string]int{}
	for _, s := range b {
		left[s]++
	}
	var out []string
	for _, s := range a {
		if left[s] > 0 {
			left[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}

// checkInvokes verifies that every expected function was called and no other.
func checkInvokes(invs []Invocation) error {
	seen := map[string]bool{}
	for _, inv := range invs {
		seen[inv.Token] = true
	}
	var got []string
	for tok := range seen {
		got = append(got, tok)
	}
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(ExpectedInvokes, ",") {
		return fmt.Errorf("the Construct invoked %v, want %v", got, ExpectedInvokes)
	}
	return nil
}
