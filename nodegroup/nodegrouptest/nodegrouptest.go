// Package nodegrouptest helps you unit-test your own Go programs that use eksnodes, with
// pulumi.WithMocks and no AWS account.
//
// Mocks answers the two functions eksnodes calls (aws:index/getPartition and
// aws:ssm/getParameter, for the EKS-optimized AMI) with realistic values, records every
// resource your program registers with its inputs, and gives resources the IDs and ARNs AWS
// would (security group IDs that look like sg-..., role and instance profile ARNs), so that
// values one component passes to another pass eksnodes's checks as they would on AWS:
//
//	func TestProgram(t *testing.T) {
//		mocks := nodegrouptest.New()
//		err := pulumi.RunErr(myProgram, pulumi.WithMocks("project", "stack", mocks))
//		require.NoError(t, err)
//		lt, ok := mocks.Get("aws:ec2/launchTemplate:LaunchTemplate", "workers")
//		require.True(t, ok)
//		assert.Equal(t, "m7i.large", lt.Inputs["instanceType"].StringValue())
//	}
//
// A function call Mocks does not know is an error, so a program that starts calling something
// new fails its tests instead of receiving empty answers.
package nodegrouptest

import (
	"fmt"
	"hash/fnv"
	"sort"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// DefaultAMI is the image ID the EKS-optimized AMI parameters resolve to.
const DefaultAMI = "ami-0123456789abcdef0"

// Account is the AWS account ID in the ARNs Mocks invents.
const Account = "111122223333"

// Resource is one registration your program made, in the order made.
type Resource struct {
	Type   string // e.g. aws:ec2/launchTemplate:LaunchTemplate
	Name   string // the logical name, e.g. workers-role
	Custom bool   // false for component resources such as eksnodes:index:NodeGroup
	ID     string // the ID Mocks gave it (empty for components)
	Inputs resource.PropertyMap
}

// Mocks implements pulumi.MockResourceMonitor. Use one per test; it is safe for the concurrent
// calls the Pulumi SDK makes.
type Mocks struct {
	// Partition is what aws.getPartition answers: aws (the default), aws-cn, aws-us-gov, ...
	Partition string
	// AMI is the value of every SSM parameter eksnodes reads. Default DefaultAMI.
	AMI string

	mu        sync.Mutex
	resources []Resource
	calls     []pulumi.MockCallArgs
}

// New returns Mocks for the aws partition.
func New() *Mocks { return &Mocks{Partition: "aws", AMI: DefaultAMI} }

// NewResource records the registration and returns the inputs as state, with what AWS adds:
// a launch template's latestVersion, IAM names and ARNs, realistic IDs.
func (m *Mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	state := args.Inputs.Copy()
	hex := hex17(args.TypeToken + "/" + args.Name)
	id := args.Name + "-id"
	switch args.TypeToken {
	case "aws:ec2/launchTemplate:LaunchTemplate":
		state["latestVersion"] = resource.NewProperty(1.0)
		id = "lt-" + hex
	case "aws:ec2/securityGroup:SecurityGroup":
		id = "sg-" + hex
	case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule":
		id = "sgr-" + hex
	case "aws:iam/role:Role", "aws:iam/instanceProfile:InstanceProfile":
		kind := map[string]string{"aws:iam/role:Role": "role", "aws:iam/instanceProfile:InstanceProfile": "instance-profile"}[args.TypeToken]
		name := args.Name
		if v, ok := args.Inputs["namePrefix"]; ok && v.IsString() {
			name = v.StringValue() + hex
		}
		path := "/"
		if v, ok := args.Inputs["path"]; ok && v.IsString() {
			path = v.StringValue()
		}
		state["name"] = resource.NewProperty(name)
		state["arn"] = resource.NewProperty(fmt.Sprintf("arn:%s:iam::%s:%s%s%s", m.partition(), Account, kind, path, name))
		id = name
	case "aws:autoscaling/group:Group":
		name := args.Name
		if v, ok := args.Inputs["namePrefix"]; ok && v.IsString() {
			name = v.StringValue() + hex
		}
		state["name"] = resource.NewProperty(name)
		id = name
	}
	if !args.Custom {
		id = ""
	}
	m.mu.Lock()
	m.resources = append(m.resources, Resource{Type: args.TypeToken, Name: args.Name, Custom: args.Custom, ID: id, Inputs: args.Inputs})
	m.mu.Unlock()
	return id, state, nil
}

// Call answers aws.getPartition and ssm.getParameter; anything else is an error.
func (m *Mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.calls = append(m.calls, args)
	m.mu.Unlock()
	switch args.Token {
	case "aws:index/getPartition:getPartition":
		return resource.PropertyMap{
			"partition": resource.NewProperty(m.partition()),
			"dnsSuffix": resource.NewProperty("amazonaws.com"),
			"id":        resource.NewProperty(m.partition()),
		}, nil
	case "aws:ssm/getParameter:getParameter":
		ami := m.AMI
		if ami == "" {
			ami = DefaultAMI
		}
		name := args.Args["name"]
		return resource.PropertyMap{
			"name": name, "type": resource.NewProperty("String"),
			"value": resource.NewProperty(ami), "insecureValue": resource.NewProperty(ami),
		}, nil
	}
	return nil, fmt.Errorf("nodegrouptest: unexpected call of %s", args.Token)
}

func (m *Mocks) partition() string {
	if m.Partition == "" {
		return "aws"
	}
	return m.Partition
}

// Resources lists every registration, in the order made.
func (m *Mocks) Resources() []Resource {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Resource(nil), m.resources...)
}

// Get returns the resource of the given type and logical name.
func (m *Mocks) Get(typ, name string) (Resource, bool) {
	for _, r := range m.Resources() {
		if r.Type == typ && r.Name == name {
			return r, true
		}
	}
	return Resource{}, false
}

// Inputs returns the inputs of the resource of the given type and logical name, or nil.
func (m *Mocks) Inputs(typ, name string) resource.PropertyMap {
	r, _ := m.Get(typ, name)
	return r.Inputs
}

// OfType lists the resources of one type, sorted by name.
func (m *Mocks) OfType(typ string) []Resource {
	var out []Resource
	for _, r := range m.Resources() {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Keys lists "type name" of every registration, sorted, for comparing the whole set.
func (m *Mocks) Keys() []string {
	var out []string
	for _, r := range m.Resources() {
		out = append(out, r.Type+" "+r.Name)
	}
	sort.Strings(out)
	return out
}

// Calls lists every function call made, in order.
func (m *Mocks) Calls() []pulumi.MockCallArgs {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]pulumi.MockCallArgs(nil), m.calls...)
}

// hex17 makes a stable 17-digit hex ID fragment, the length of AWS's resource IDs.
func hex17(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("%017x", h.Sum64())[:17]
}
