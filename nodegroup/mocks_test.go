package nodegroup

import (
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// registration is one resource the program registered, as the engine would see it.
type registration struct {
	Type          string
	Name          string
	Custom        bool
	Parent        string // URN
	Inputs        resource.PropertyMap
	IgnoreChanges []string
	DependsOn     []string
}

// mockSGID is the ID the mocks give a security group with the given logical name.
func mockSGID(name string) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	return fmt.Sprintf("sg-0%016x", h.Sum64())
}

// invoke is one function call the program made.
type invoke struct {
	Token string
	Args  resource.PropertyMap
}

// recordingMocks answers the engine's calls like AWS would, and records every registration.
// It is strict: an invoke it does not know is an error.
type recordingMocks struct {
	mu        sync.Mutex
	regs      []registration
	invokes   []invoke
	partition string
	amiID     string
}

func newMocks() *recordingMocks {
	return &recordingMocks{partition: "aws", amiID: "ami-0abcdef0123456789"}
}

func (m *recordingMocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	reg := registration{Type: args.TypeToken, Name: args.Name, Custom: args.Custom, Inputs: args.Inputs}
	if rpc := args.RegisterRPC; rpc != nil {
		reg.Parent = rpc.GetParent()
		reg.IgnoreChanges = rpc.GetIgnoreChanges()
		reg.DependsOn = rpc.GetDependencies()
	}
	m.mu.Lock()
	m.regs = append(m.regs, reg)
	m.mu.Unlock()

	if !args.Custom {
		return "", resource.PropertyMap{}, nil
	}
	state := args.Inputs.Copy()
	id := args.Name + "-id"
	physical := args.Name + "-abc123"
	if p, ok := args.Inputs["namePrefix"]; ok && p.IsString() {
		physical = p.StringValue() + "20261121000000000001"
	}
	switch args.TypeToken {
	case "aws:iam/role:Role":
		path := "/"
		if p, ok := args.Inputs["path"]; ok && p.IsString() {
			path = p.StringValue()
		}
		state["name"] = resource.NewProperty(physical)
		state["arn"] = resource.NewProperty(fmt.Sprintf("arn:%s:iam::111122223333:role%s%s", m.partition, path, physical))
		id = physical
	case "aws:iam/instanceProfile:InstanceProfile":
		state["name"] = resource.NewProperty(physical)
		state["arn"] = resource.NewProperty(fmt.Sprintf("arn:%s:iam::111122223333:instance-profile/%s", m.partition, physical))
		id = physical
	case "aws:ec2/securityGroup:SecurityGroup":
		id = mockSGID(args.Name)
	case "aws:ec2/launchTemplate:LaunchTemplate":
		id = "lt-0123456789abcdef0"
		state["latestVersion"] = resource.NewProperty(1.0)
	case "aws:autoscaling/group:Group":
		state["name"] = resource.NewProperty(physical)
		id = physical
	case "aws:eks/accessEntry:AccessEntry":
		state["accessEntryArn"] = resource.NewProperty("arn:aws:eks:us-east-1:111122223333:access-entry/demo/x")
	}
	return id, state, nil
}

func (m *recordingMocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.invokes = append(m.invokes, invoke{Token: args.Token, Args: args.Args})
	m.mu.Unlock()
	switch args.Token {
	case "aws:index/getPartition:getPartition":
		return resource.PropertyMap{"partition": resource.NewProperty(m.partition), "dnsSuffix": resource.NewProperty("amazonaws.com"), "id": resource.NewProperty(m.partition)}, nil
	case "aws:ssm/getParameter:getParameter":
		name := args.Args["name"].StringValue()
		if !strings.HasPrefix(name, "/aws/service/") {
			return nil, fmt.Errorf("unexpected SSM parameter %q", name)
		}
		return resource.PropertyMap{
			"name": resource.NewProperty(name), "type": resource.NewProperty("String"),
			"value": resource.MakeSecret(resource.NewProperty(m.amiID)), "insecureValue": resource.NewProperty(m.amiID),
			"arn": resource.NewProperty("arn:aws:ssm:us-east-1::parameter" + name), "version": resource.NewProperty(1.0), "id": resource.NewProperty(name),
		}, nil
	}
	return nil, fmt.Errorf("the mocks do not know the function %s", args.Token)
}

// byName returns the registration with the given type and name.
func (m *recordingMocks) get(t *testing.T, typ, name string) registration {
	t.Helper()
	for _, r := range m.regs {
		if r.Type == typ && r.Name == name {
			return r
		}
	}
	require.Failf(t, "resource not registered", "%s %s; registered: %v", typ, name, m.names())
	return registration{}
}

// names lists "type name" for every registration, sorted.
func (m *recordingMocks) names() []string {
	var out []string
	for _, r := range m.regs {
		out = append(out, r.Type+" "+r.Name)
	}
	sort.Strings(out)
	return out
}

// ofType returns the registrations of one type.
func (m *recordingMocks) ofType(typ string) []registration {
	var out []registration
	for _, r := range m.regs {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// runProgram runs program against fresh mocks and returns them with the program's error.
func runProgram(t *testing.T, program pulumi.RunFunc) (*recordingMocks, error) {
	t.Helper()
	m := newMocks()
	err := pulumi.RunErr(program, pulumi.WithMocks("eksnodes", "test", m))
	return m, err
}

const testCA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="

// demoCluster is a valid set of plain cluster facts.
func demoCluster() ClusterArgs {
	return ClusterArgs{
		Name:                 pulumi.String("demo"),
		Endpoint:             pulumi.String("https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
		CertificateAuthority: pulumi.String(testCA),
		ServiceCidr:          pulumi.String("172.20.0.0/16"),
		Version:              pulumi.String("1.33"),
		SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
		VpcId:                pulumi.String("vpc-0123456789abcdef0"),
	}
}

// demoArgs is a valid NodeGroup with only the required inputs set.
func demoArgs() *NodeGroupArgs {
	return &NodeGroupArgs{
		Cluster:   demoCluster(),
		SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0123456789abcdef1"}),
	}
}

// outputs are the resolved outputs of a NodeGroup.
type outputs struct {
	UserData, AmiID, RoleArn, RoleName, ProfileArn, SecurityGroupID, LaunchTemplateID, ASGName string
	LatestVersion                                                                              int
}

// runNodeGroup creates one NodeGroup named "ng" and returns the mocks and its outputs.
func runNodeGroup(t *testing.T, args *NodeGroupArgs) (*recordingMocks, outputs, error) {
	t.Helper()
	var out outputs
	var mu sync.Mutex
	set := func(dst *string) func(string) string {
		return func(s string) string { mu.Lock(); *dst = s; mu.Unlock(); return s }
	}
	m, err := runProgram(t, func(ctx *pulumi.Context) error {
		g, err := NewNodeGroup(ctx, "ng", args)
		if err != nil {
			return err
		}
		// Exported, so that the run waits for every apply before it returns.
		ctx.Export("userData", g.UserData.ApplyT(set(&out.UserData)))
		ctx.Export("amiId", g.AmiId.ApplyT(set(&out.AmiID)))
		ctx.Export("roleArn", g.RoleArn.ApplyT(set(&out.RoleArn)))
		ctx.Export("roleName", g.RoleName.ApplyT(set(&out.RoleName)))
		ctx.Export("instanceProfileArn", g.InstanceProfileArn.ApplyT(set(&out.ProfileArn)))
		ctx.Export("securityGroupId", g.SecurityGroupId.ApplyT(set(&out.SecurityGroupID)))
		ctx.Export("launchTemplateId", g.LaunchTemplateId.ApplyT(set(&out.LaunchTemplateID)))
		ctx.Export("autoScalingGroupName", g.AutoScalingGroupName.ApplyT(set(&out.ASGName)))
		ctx.Export("latestVersion", g.LaunchTemplateLatestVersion.ApplyT(func(v int) int { mu.Lock(); out.LatestVersion = v; mu.Unlock(); return v }))
		return nil
	})
	return m, out, err
}

// decodeUserData returns the launch template's user data as text.
func decodeUserData(t *testing.T, lt registration) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(lt.Inputs["userData"].StringValue())
	require.NoError(t, err)
	return string(raw)
}

// native turns a property value into plain Go values (string, float64, bool, []any,
// map[string]any), unwrapping secrets and known outputs, so tests can compare with literals.
func native(v resource.PropertyValue) any {
	switch {
	case v.IsOutput():
		if !v.OutputValue().Known {
			return "<unknown>"
		}
		return native(v.OutputValue().Element)
	case v.IsSecret():
		return native(v.SecretValue().Element)
	case v.IsComputed():
		return "<unknown>"
	case v.IsArray():
		out := []any{}
		for _, e := range v.ArrayValue() {
			out = append(out, native(e))
		}
		return out
	case v.IsObject():
		out := map[string]any{}
		for k, e := range v.ObjectValue() {
			out[string(k)] = native(e)
		}
		return out
	case v.IsNull():
		return nil
	}
	return v.V
}

// in returns one input of a registration as plain Go values.
func (r registration) in(key string) any {
	v, ok := r.Inputs[resource.PropertyKey(key)]
	if !ok {
		return nil
	}
	return native(v)
}

func pulumiString(s string) pulumi.StringInput { return pulumi.String(s) }
